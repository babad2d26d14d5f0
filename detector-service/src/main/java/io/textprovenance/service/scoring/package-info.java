/** The beans that own the scorer, the PAWN head and the calibration table, and the scorer's health. */
package io.textprovenance.service.scoring;
