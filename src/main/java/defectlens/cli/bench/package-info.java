/**
 * {@code bench ...}: speed and memory measurements behind docs/benchmarks.md.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.bench;
