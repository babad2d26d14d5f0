/**
 * From scores to decisions and evidence: thresholds at a target false-positive rate calibrated on
 * human reference scores, conformal p-values, AUROC with ties and its bootstrap interval, and Wilson
 * intervals for rates.
 */
package io.textprovenance.stats.calibration;
