/** The in-process KRaft broker of the local profile. */
package io.textprovenance.service.kafka;
