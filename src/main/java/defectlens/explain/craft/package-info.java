/** CRAFT concept explanations: concept banks fitted by NMF on crops, Sobol importance, concept maps. */
package defectlens.explain.craft;
