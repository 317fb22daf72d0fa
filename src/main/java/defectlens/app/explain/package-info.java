/** Explanations in the window: heatmap controls, comparison of explainers, CRAFT concept gallery. */
package defectlens.app.explain;
