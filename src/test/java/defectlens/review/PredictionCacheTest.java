package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predictions cache: round trip, stale for other weights or data, never a tampered or torn table. */
class PredictionCacheTest {
    static final List<String> CLASSES = List.of("a", "b", "c");

    static PredictionTable table() {
        PredictionTable t = new PredictionTable(CLASSES, List.of("a", "b", "c", "d"), new String[] {"x", "y", "z", "w"},
                new int[] {0, 1, -1, 3});
        t.setRow(0, new float[] {0.7f, 0.2f, 0.1f});
        t.setRow(3, new float[] {0.1f, 0.3f, 0.6f});
        return t;
    }

    @Test
    void aSavedTableComesBackAsItWas(@TempDir Path dir) {
        PredictionCache.save(dir, table(), "m1", "sha256:d1");
        PredictionTable back = PredictionCache.load(dir, "m1", "sha256:d1").orElseThrow();
        assertEquals(4, back.size());
        assertEquals(2, back.doneCount());
        assertTrue(back.isDone(0));
        assertFalse(back.isDone(1));
        assertEquals("a", back.predictedName(0));
        assertEquals("c", back.predictedName(3));
        assertEquals(0.6f, back.confidence(3));
        assertEquals("d", back.labelName(3));
        assertEquals(null, back.labelName(2));
        assertEquals("z", back.id(2));
        assertArrayEquals(new float[] {0.7f, 0.2f, 0.1f}, new float[] {back.probability(0, 0), back.probability(0, 1),
            back.probability(0, 2)});
        assertTrue(back.differs(3));
    }

    @Test
    void otherWeightsOrOtherDataMakeTheCacheStale(@TempDir Path dir) {
        PredictionCache.save(dir, table(), "m1", "sha256:d1");
        assertTrue(PredictionCache.load(dir, "m2", "sha256:d1").isEmpty());
        assertTrue(PredictionCache.load(dir, "m1", "sha256:d2").isEmpty());
        assertTrue(PredictionCache.load(dir.resolve("none"), "m1", "sha256:d1").isEmpty());
    }

    @Test
    void anArrayThatDoesNotMatchItsHashIsNotUsed(@TempDir Path dir) throws Exception {
        PredictionCache.save(dir, table(), "m1", "sha256:d1");
        Path p = dir.resolve(PredictionCache.PROBABILITIES);
        byte[] b = Files.readAllBytes(p);
        b[b.length - 1] ^= 1;
        Files.write(p, b);
        assertTrue(PredictionCache.load(dir, "m1", "sha256:d1").isEmpty());
    }

    @Test
    void unreadableMetadataIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        PredictionCache.save(dir, table(), "m1", "sha256:d1");
        Files.writeString(dir.resolve(PredictionCache.META), "{\"format\": [");
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> PredictionCache.load(dir, "m1", "sha256:d1"));
        assertTrue(e.getMessage().contains(PredictionCache.META), e.getMessage());
    }

    @Test
    void aTableRefusesRowsThatAreNotProbabilities() {
        PredictionTable t = table();
        assertThrows(IllegalArgumentException.class, () -> t.setRow(1, new float[] {Float.NaN, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> t.setRow(1, new float[] {0.5f, 0.5f}));
    }

    @Test
    void theUserCacheFolderIsKeyedByDataAndModelAndCanBeTurnedOff(@TempDir Path base) {
        String before = System.getProperty("defectlens.cache");
        try {
            System.setProperty("defectlens.cache", base.toString());
            Path a = PredictionCache.userCacheDir("sha256:00112233445566778899", "aabbccddeeff00112233");
            Path b = PredictionCache.userCacheDir("sha256:00112233445566778899", "ffbbccddeeff00112233");
            assertFalse(a.equals(b));
            assertTrue(a.startsWith(base) && a.toString().contains("0011223344556677-aabbccddeeff0011"), a.toString());
            System.setProperty("defectlens.cache", "none");
            assertEquals(null, PredictionCache.userCacheDir("sha256:00112233445566778899", "aabbccddeeff00112233"));
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }
}
