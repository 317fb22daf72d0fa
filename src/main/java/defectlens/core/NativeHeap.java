package defectlens.core;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the C heap of this process from handing freed memory back to the system at every turn. PyTorch allocates
 * each forward call's intermediate tensors (tens of MB for a batch of wafer maps) with {@code malloc} and frees
 * them at the end of the call; glibc's default policy then trims the heap (or unmaps the block), so the next call
 * touches fresh pages and pays a page fault per 4 KB. Measured on the wafer ensemble (docs/benchmarks.md, "Fab
 * scale"): about 4,000 page faults per map and a quarter to a third of the CPU time in the kernel; with
 * the policy below, a quarter of the faults and half the kernel time. The policy: blocks up to {@value
 * #MMAP_THRESHOLD} bytes come from the heap rather than from their own mapping, and the heap keeps up to
 * {@value #TRIM_THRESHOLD} bytes of free memory at its top (what a long classification reuses at every call).
 * Set through glibc's {@code mallopt} (JNA), once per process, on Linux only; elsewhere, or when the user set
 * {@code GLIBC_TUNABLES} or {@code MALLOC_TRIM_THRESHOLD_}, nothing changes.
 */
public final class NativeHeap {
    /** Largest block served from the heap (glibc's upper limit for this setting on 64-bit systems). */
    public static final int MMAP_THRESHOLD = 32 << 20;
    /** Free memory the heap keeps at its top before it trims. */
    public static final int TRIM_THRESHOLD = 256 << 20;

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);
    private static Boolean applied;

    private NativeHeap() {
    }

    /** glibc's tuning call. */
    private interface CLibrary extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Applies the policy once per process (later calls return the first answer): true when glibc took both
     * settings, false when nothing was changed (not Linux, the user's own malloc settings, no glibc).
     */
    public static synchronized boolean keepFreedMemory() {
        if (applied == null) {
            applied = apply();
        }
        return applied;
    }

    private static boolean apply() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        if (!linux || System.getenv("GLIBC_TUNABLES") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                || System.getenv("MALLOC_MMAP_THRESHOLD_") != null) {
            return false;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            LOG.debug("C heap: mmap threshold {} B, trim threshold {} B: {}", MMAP_THRESHOLD, TRIM_THRESHOLD, ok);
            return ok;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("C heap settings not applied: {}", e.toString());
            return false;
        }
    }
}
