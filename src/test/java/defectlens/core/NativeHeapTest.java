package defectlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link NativeHeap} reaches glibc's {@code mallopt} on Linux and applies its settings once. */
class NativeHeapTest {
    @Test
    void glibcTakesTheSettingsOnce() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "glibc only");
        assumeTrue(System.getenv("GLIBC_TUNABLES") == null && System.getenv("MALLOC_TRIM_THRESHOLD_") == null
                && System.getenv("MALLOC_MMAP_THRESHOLD_") == null, "the user's own malloc settings win");
        boolean first = NativeHeap.keepFreedMemory();
        assertEquals(true, first, "mallopt refused the settings");
        assertEquals(first, NativeHeap.keepFreedMemory());
    }
}
