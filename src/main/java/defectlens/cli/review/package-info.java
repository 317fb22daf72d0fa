/** {@code review ...}: process engineers' reviews of a model's predictions, from the command line. */
package defectlens.cli.review;
