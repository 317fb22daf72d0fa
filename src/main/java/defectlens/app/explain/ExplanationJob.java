package defectlens.app.explain;

import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * One slot for long explanation work (a heatmap, a comparison, a concept-bank fit): runs it as a
 * {@link Task} on an executor, mirrors its progress, message and busy state in properties the views
 * bind to, cancels the previous job when a new one starts, and hands results and errors back on the
 * FX thread. A cancelled job's result is dropped.
 */
public final class ExplanationJob {
    /** The work itself, off the FX thread: reports progress (negative = unknown) and polls cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T run(BiConsumer<String, Double> progress, BooleanSupplier cancelled) throws Exception;
    }

    private final ExecutorService executor;
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Task<?> current;

    public ExplanationJob(ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts {@code work}; {@code onDone} and {@code onError} run on the FX thread. */
    public <T> Task<T> submit(String what, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        cancel();
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(what);
                updateProgress(-1, 1);
                return work.run((stage, f) -> {
                    updateMessage(what + ": " + stage);
                    if (f < 0) {
                        updateProgress(-1, 1);
                    } else {
                        updateProgress(Math.min(1, f), 1);
                    }
                }, this::isCancelled);
            }
        };
        t.setOnRunning(e -> {
            busy.set(true);
            status.bind(t.messageProperty());
            progress.bind(t.progressProperty());
        });
        t.setOnSucceeded(e -> {
            finish("Done: " + what);
            onDone.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            finish("Failed: " + what);
            onError.accept(t.getException());
        });
        t.setOnCancelled(e -> finish("Cancelled: " + what));
        current = t;
        executor.submit(t);
        return t;
    }

    private void finish(String message) {
        status.unbind();
        progress.unbind();
        progress.set(0);
        busy.set(false);
        status.set(message);
    }

    /** Cancels the running job, if any. */
    public void cancel() {
        if (current != null && !current.isDone()) {
            current.cancel();
        }
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
