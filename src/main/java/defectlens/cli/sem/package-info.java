/**
 * {@code sem ...}: SEM images - generate look-alike data, train, evaluate, classify and explain EfficientNetV2 models.
 * Commands of this group; shared CLI plumbing (JSON, progress, model opener) lives in {@code defectlens.cli}.
 */
package defectlens.cli.sem;
