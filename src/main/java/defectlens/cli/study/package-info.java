/**
 * {@code study ...}: expert rating studies - create, explanation pictures, status, merge, summary, export.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.study;
