/**
 * {@code mask ...}: candidate defect masks suggested for a data set and measured against existing masks.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.mask;
