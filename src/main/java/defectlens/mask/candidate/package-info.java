/** Candidate-mask generators: line/space analysis, thresholded heatmaps, GrabCut, Segment Anything 2. */
package defectlens.mask.candidate;
