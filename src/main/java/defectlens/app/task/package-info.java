/**
 * The window's one way to run long work: {@code BackgroundTask}s on the lanes of a {@code TaskExecutor}, with
 * progress, status text, cancel, errors to one hook and results on the FX thread; tests use a same-thread executor.
 */
package defectlens.app.task;
