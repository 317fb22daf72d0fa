/**
 * {@code wafer ...}: WM-811K wafer maps - info, export, train, evaluate, classify, ensemble and explain the Radon + kernel-flip CNN.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.wafer;
