/** Explanations of wafer networks: LRP with the kernel-flip rule, sinogram relevance back on the wafer grid. */
package defectlens.wafer.explain;
