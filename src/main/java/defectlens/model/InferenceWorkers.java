package defectlens.model;

import java.util.Locale;

/**
 * How many threads should run forward calls at once when a long job classifies many inputs. PyTorch runs a
 * forward call on the calling thread with its intra-op team of {@code ai.djl.pytorch.num_threads} threads
 * (PyTorch's own count, usually all cores, when unset); several calling threads add inter-op parallelism.
 * Small networks use one core better as one thread per call than as a team that splits every small
 * operation, so the fastest way to fill a machine is one worker per core, each with one intra-op thread
 * ({@code -Dai.djl.pytorch.num_threads=1}); the default fills the cores without oversubscribing them: cores /
 * intra-op threads, at least one. The system property {@value #PROPERTY} sets the count outright.
 */
public final class InferenceWorkers {
    /** System property that sets the worker count outright (a positive integer). */
    public static final String PROPERTY = "defectlens.inference.workers";
    /** DJL's system property for PyTorch's intra-op threads. */
    public static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private InferenceWorkers() {
    }

    /** The default worker count for this process (see the class comment). */
    public static int byDefault() {
        String torch = System.getProperty(TORCH_THREADS);
        if (torch == null) {
            torch = engineThreads();
        }
        return count(System.getProperty(PROPERTY), torch, System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors());
    }

    /** PyTorch's own intra-op thread count when the engine is loaded, else null. */
    private static String engineThreads() {
        try {
            return Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads());
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * The worker count for the given settings (each may be null): {@code workers} when it is a positive integer,
     * else {@code cores} divided by the intra-op threads ({@code torchThreads}, else {@code ompThreads}, else all
     * cores), at least one.
     */
    static int count(String workers, String torchThreads, String ompThreads, int cores) {
        int set = positive(workers);
        if (set > 0) {
            return set;
        }
        int intraOp = positive(torchThreads);
        if (intraOp <= 0) {
            intraOp = positive(ompThreads);
        }
        return intraOp <= 0 ? 1 : Math.max(1, cores / intraOp);
    }

    private static int positive(String value) {
        if (value == null) {
            return -1;
        }
        try {
            int v = Integer.parseInt(value.trim().toLowerCase(Locale.ROOT));
            return v > 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
