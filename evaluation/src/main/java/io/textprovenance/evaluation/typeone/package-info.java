/** The end-to-end type-I check of the provenance tests on texts sampled from the model itself. */
package io.textprovenance.evaluation.typeone;
