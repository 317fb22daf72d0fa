package defectlens.core;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the instruction set of oneDNN, the CPU convolution library inside PyTorch, at AVX2 before the engine
 * runs its first convolution.
 *
 * <p>On an AMD EPYC (Zen 4, AVX-512) PyTorch 2.7.1's oneDNN {@code avx512_core} convolution kernels gave wrong
 * results for some layer shapes: a 3x3, 24 -> 96 channel convolution of 48x48 maps differed from a plain
 * reference convolution by tens of percent, differently for one and two threads, and the shipped
 * {@code sem-demo} classifier answered NaN for every image. With the cap (or on CPUs without AVX-512) the
 * kernels agree with the reference ({@code OneDnnConvolutionTest}). oneDNN reads {@value #VARIABLE} (older name
 * {@value #LEGACY_VARIABLE}) from the process environment when it first dispatches, which Java cannot set, so
 * {@link ProcessEnvironment} sets it. A value the user exported is left alone; the system
 * property {@value #PROPERTY} chooses another cap ({@code none}: no cap, oneDNN's own choice).
 */
public final class OneDnnIsaCap {
    public static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    public static final String LEGACY_VARIABLE = "DNNL_MAX_CPU_ISA";
    public static final String PROPERTY = "defectlens.onednn.max_isa";
    public static final String DEFAULT_CAP = "AVX2";

    private static final Logger LOG = LoggerFactory.getLogger(OneDnnIsaCap.class);
    private static boolean done;
    private static String effective;

    private OneDnnIsaCap() {
    }

    /**
     * Sets the cap once per process (later calls return the first answer): the oneDNN ISA now in force, or
     * {@code null} when oneDNN keeps its own choice (no x86-64 CPU, or {@code -D}{@value #PROPERTY}{@code =none}).
     */
    public static synchronized String apply() {
        if (done) {
            return effective;
        }
        done = true;
        String user = ProcessEnvironment.firstSet(System.getenv(VARIABLE), System.getenv(LEGACY_VARIABLE));
        if (user != null) {
            effective = user;
            return effective;
        }
        String cap = System.getProperty(PROPERTY, DEFAULT_CAP).trim();
        if (cap.isEmpty() || cap.equalsIgnoreCase("none") || !isX86()) {
            return null;
        }
        try {
            ProcessEnvironment.set(VARIABLE, cap);
            ProcessEnvironment.set(LEGACY_VARIABLE, cap);
            effective = cap;
            LOG.debug("oneDNN instruction set capped at {}", cap);
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("could not cap oneDNN at {} ({}); convolutions use oneDNN's own choice", cap, e.toString());
        }
        return effective;
    }

    private static boolean isX86() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64");
    }
}
