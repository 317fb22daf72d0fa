/** What every explanation method shares: the Explainer contract and registry, Heatmap, layer probes, pictures. */
package defectlens.explain;
