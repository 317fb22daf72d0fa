package defectlens.wafer.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auto-encoder's shapes (32 x 32 in, 64 x 8 x 8 latent, 32 x 32 out in [0, 1]), a tiny seeded training that
 * gives the same losses and weights twice, and the saved folder read back (and refused when broken).
 */
class ConvAutoEncoderTest {
    private static final AutoEncoderTraining TINY = new AutoEncoderTraining(2, 8, 1e-3f, 5);
    private static List<WaferMap> maps;

    @TempDir
    Path tmp;

    @BeforeAll
    static void read() {
        maps = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl")).maps().subList(0, 24);
    }

    private static float[][] coded(List<WaferMap> some) {
        float[][] x = new float[some.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = DieStateCoding.encode(DieStateCoding.resized(some.get(i)));
        }
        return x;
    }

    @Test
    void encodesToSixtyFourByEightByEightAndDecodesTo32By32InTheUnitInterval() {
        try (ConvAutoEncoder cae = TINY.train(maps, line -> { }, Progress.NONE)) {
            float[][] latent = cae.encode(coded(maps.subList(0, 3)));
            assertEquals(3, latent.length);
            assertEquals(64 * 8 * 8, latent[0].length);
            float[][] out = cae.decode(latent);
            assertEquals(3, out.length);
            assertEquals(32 * 32, out[0].length);
            for (float v : out[1]) {
                assertTrue(v >= 0 && v <= 1, "sigmoid output " + v);
            }
        }
    }

    @Test
    void theSameSeedTrainsTheSameWeights() throws Exception {
        float[][] probe = coded(maps.subList(0, 2));
        try (ConvAutoEncoder a = TINY.train(maps, line -> { }, Progress.NONE);
                ConvAutoEncoder b = TINY.train(maps, line -> { }, Progress.NONE);
                ConvAutoEncoder c = TINY.withSeed(6).train(maps, line -> { }, Progress.NONE)) {
            List<?> lossA = (List<?>) ((Map<?, ?>) a.provenance().get("training")).get("lossPerEpoch");
            List<?> lossB = (List<?>) ((Map<?, ?>) b.provenance().get("training")).get("lossPerEpoch");
            assertEquals(lossA, lossB);
            assertTrue(((Number) lossA.get(1)).doubleValue() < ((Number) lossA.get(0)).doubleValue(),
                    "the loss falls: " + lossA);
            assertArrayEquals(a.decode(a.encode(probe))[0], b.decode(b.encode(probe))[0]);
            assertTrue(!java.util.Arrays.equals(a.decode(a.encode(probe))[0], c.decode(c.encode(probe))[0]),
                    "another seed, other weights");
            Path dir = tmp.resolve("cae");
            a.save(dir);
            try (ConvAutoEncoder read = ConvAutoEncoder.load(dir)) {
                assertArrayEquals(a.decode(a.encode(probe))[1], read.decode(read.encode(probe))[1]);
                assertEquals(5, ((Number) ((Map<?, ?>) read.provenance().get("training")).get("seed")).intValue());
            }
        }
    }

    @Test
    void refusesBrokenFoldersNamingTheFile() throws Exception {
        DefectLensException none = assertThrows(DefectLensException.class, () -> ConvAutoEncoder.load(tmp));
        assertTrue(none.getMessage().contains("cae.json"), none.getMessage());
        Files.writeString(tmp.resolve("cae.json"), "{\"architecture\": \"wafer-cnn\"}");
        DefectLensException other = assertThrows(DefectLensException.class, () -> ConvAutoEncoder.load(tmp));
        assertTrue(other.getMessage().contains("wafer-cnn"), other.getMessage());
        Files.writeString(tmp.resolve("cae.json"), "{\"architecture\": \"wafer-cae-32\"}");
        Files.write(tmp.resolve("cae.params"), new byte[] {1, 2, 3});
        DefectLensException weights = assertThrows(DefectLensException.class, () -> ConvAutoEncoder.load(tmp));
        assertTrue(weights.getMessage().contains("cae.params"), weights.getMessage());
        Files.writeString(tmp.resolve("cae.json"), "{not json");
        assertThrows(DefectLensException.class, () -> ConvAutoEncoder.load(tmp));
    }
}
