/**
 * The evaluation harness: scores every text of a data directory once, computes each detector's
 * AUROC and TPR at fixed FPRs per file, generator and domain with confidence intervals, calibrates
 * thresholds on held-out human texts, and writes Markdown, JSON and ROC plots.
 */
package io.textprovenance.evaluation.report;
