/**
 * {@code calibration.json} as records: the file ({@link io.textprovenance.verdict.calibration.CalibrationFile},
 * read and written by one Jackson binding, versioned), each score's references of whole texts and by length,
 * and the test-split figures measured when it was fitted.
 */
package io.textprovenance.verdict.calibration;
