/**
 * The one rule that labels a text, shared by the service and the evaluation: the detector names
 * ({@link io.textprovenance.verdict.DetectorName}), the calibration table lookup
 * ({@link io.textprovenance.verdict.CalibrationTable}), the policy and its numbers
 * ({@link io.textprovenance.verdict.VerdictPolicy}, {@link io.textprovenance.verdict.PolicyThresholds}) and their
 * composition ({@link io.textprovenance.verdict.Judge}). Plain Java: no Spring, no model runtime.
 */
package io.textprovenance.verdict;
