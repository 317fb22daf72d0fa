package defectlens.wafer.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CAE augmentation on 90 real maps of the repository's subset (10 per class, {@code none} included), with latent
 * codecs whose outcome is known: the identity (noise of 0.1 latent standard deviations never moves a coded die
 * across the 0.75 threshold, so every map is kept with SSIM 1) and one that drops every failing die of the
 * "damaged" sources (SSIM far below 0.9, so those are always rejected).
 */
class CaeAugmentationTest {
    private static List<WaferMap> maps;

    @BeforeAll
    static void read() {
        List<WaferMap> all = WaferPickleReader.read(Path.of("datasets/wm811k/wm811k_subset.pkl")).maps();
        Map<String, Integer> taken = new java.util.HashMap<>();
        maps = new ArrayList<>();
        for (WaferMap m : all) {
            if (m.isLabelled() && taken.merge(m.label(), 1, Integer::sum) <= 10) {
                maps.add(m);
            }
        }
        assertEquals(90, maps.size());
    }

    /** Identity encode; decode the identity, or with every failing die of the listed source rows passing. */
    private static final class KnownCodec implements LatentCodec {
        private final boolean damage;

        KnownCodec(boolean damage) {
            this.damage = damage;
        }

        @Override
        public float[][] encode(float[][] coded) {
            float[][] out = new float[coded.length][];
            for (int i = 0; i < coded.length; i++) {
                out[i] = coded[i].clone();
            }
            return out;
        }

        @Override
        public float[][] decode(float[][] latent) {
            float[][] out = new float[latent.length][];
            for (int i = 0; i < latent.length; i++) {
                out[i] = latent[i].clone();
                boolean drop = damage && hasFailingDie(out[i]);
                for (int k = 0; drop && k < out[i].length; k++) {
                    out[i][k] = Math.min(out[i][k], 0.5f);
                }
            }
            return out;
        }

        private static boolean hasFailingDie(float[] coded) {
            int failing = 0;
            for (float v : coded) {
                failing += v > 0.9f ? 1 : 0;
            }
            return failing >= 10;
        }
    }

    @Test
    void keepsTheClassRatiosAndNeverAugmentsNone() {
        CaeAugmentation.Result r = CaeAugmentation.run(new KnownCodec(false), maps, 0.3, 0.9, 5, Progress.NONE);
        AugmentationReport.ClassCounts none = r.report().classes().get("none");
        assertEquals(0, none.target());
        assertEquals(0, none.kept());
        assertEquals(0, none.rejected());
        assertEquals(9, r.report().classes().size());
        for (Map.Entry<String, AugmentationReport.ClassCounts> e : r.report().classes().entrySet()) {
            if (!e.getKey().equals("none")) {
                assertEquals(10, e.getValue().sources());
                assertEquals(3, e.getValue().target(), e.getKey());
                assertEquals(3, e.getValue().kept(), e.getKey());
                assertEquals(1.0, e.getValue().meanKeptSsim(), 1e-12, e.getKey());
            }
        }
        assertEquals(24, r.maps().size());
        for (WaferMap g : r.maps()) {
            assertNotEquals("none", g.label());
            WaferMap source = maps.get((int) g.waferIndex());
            assertEquals(source.label(), g.label());
            assertEquals(WaferSplit.TRAINING, g.split());
            assertEquals(CaeAugmentation.LOT, g.lotName());
            assertArrayEquals(footprint(source), footprint(g), "the source's wafer footprint");
        }
    }

    @Test
    void rejectsEveryMapBelowTheThresholdAndCountsTheAttempts() {
        CaeAugmentation.Result r = CaeAugmentation.run(new KnownCodec(true), maps, 0.5, 0.9, 5, Progress.NONE);
        int rejectedSomewhere = 0;
        for (Map.Entry<String, AugmentationReport.ClassCounts> e : r.report().classes().entrySet()) {
            AugmentationReport.ClassCounts c = e.getValue();
            assertTrue(c.kept() <= c.target(), e.getKey());
            assertTrue(c.kept() == c.target() || c.kept() + c.rejected() == CaeAugmentation.ATTEMPTS_PER_MAP
                    * c.target(), e.getKey() + " ends short only after every attempt");
            rejectedSomewhere += c.rejected();
        }
        assertTrue(rejectedSomewhere > 0);
        for (WaferMap g : r.maps()) {
            byte[] source = DieStateCoding.resized(maps.get((int) g.waferIndex()));
            if (failing(source) >= 10) {
                byte[] dropped = source.clone();
                for (int i = 0; i < dropped.length; i++) {
                    dropped[i] = dropped[i] == WaferMap.FAIL ? WaferMap.PASS : dropped[i];
                }
                double ssim = StructuralSimilarity.mean(DieStateCoding.asDoubles(source),
                        DieStateCoding.asDoubles(dropped), DieStateCoding.SIZE, DieStateCoding.SIZE, 2);
                assertTrue(ssim >= 0.9, "a damaged map was kept with SSIM " + ssim);
            }
        }
        CaeAugmentation.Result none = CaeAugmentation.run(new KnownCodec(false), maps, 0.5, 1.01, 5, Progress.NONE);
        assertEquals(0, none.maps().size());
        assertEquals(none.report().target() * CaeAugmentation.ATTEMPTS_PER_MAP, none.report().rejected());
    }

    @Test
    void theSameSeedGivesTheSameMaps() {
        CaeAugmentation.Result a = CaeAugmentation.run(new KnownCodec(true), maps, 0.3, 0.9, 7, Progress.NONE);
        CaeAugmentation.Result b = CaeAugmentation.run(new KnownCodec(true), maps, 0.3, 0.9, 7, Progress.NONE);
        assertEquals(a.report(), b.report());
        assertEquals(a.maps().size(), b.maps().size());
        for (int i = 0; i < a.maps().size(); i++) {
            assertEquals(a.maps().get(i).waferIndex(), b.maps().get(i).waferIndex());
            assertArrayEquals(a.maps().get(i).dies(), b.maps().get(i).dies());
        }
    }

    private static byte[] footprint(WaferMap m) {
        byte[] d = m.dies();
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (d[i] == 0 ? 0 : 1);
        }
        return d;
    }

    private static int failing(byte[] states) {
        int n = 0;
        for (byte b : states) {
            n += b == WaferMap.FAIL ? 1 : 0;
        }
        return n;
    }
}
