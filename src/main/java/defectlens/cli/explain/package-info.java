/**
 * {@code explain ...}: heatmaps of SEM classifiers (GradCAM family, CRAFT) and their agreement with expert masks.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.explain;
