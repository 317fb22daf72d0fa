/** Layer-wise relevance propagation over DJL blocks: the canonizer, one layer type per block, the rules. */
package defectlens.explain.lrp;
