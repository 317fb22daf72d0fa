/** How good an explanation is: agreement with defect masks, faithfulness curves, evaluation reports. */
package defectlens.explain.metrics;
