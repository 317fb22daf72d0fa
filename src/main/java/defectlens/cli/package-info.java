/**
 * The scriptable face of DefectLens (picocli): the root command, the shared options ({@code --json}), terminal
 * progress, the model opener and the data-set and image commands; each command group lives in its sub-package.
 */
package defectlens.cli;
