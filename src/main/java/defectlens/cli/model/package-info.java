/**
 * {@code model ...}: model bundles - info and TorchScript import.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.model;
