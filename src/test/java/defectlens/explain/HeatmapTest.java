package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.image.ImageRaster;
import defectlens.image.NpyFile;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @TempDir
    Path tmp;

    @Test
    void normalisesThePositivePartToTheUnitRange() {
        Heatmap h = Heatmap.of("m", 0, "a", 1.0, new float[] {-1, 0, 2, 4}, 2, 2, true, 2, 2);
        assertFalse(h.isDegenerate());
        assertArrayEquals(new float[] {0, 0, 0.5f, 1}, h.normalized(), 1e-7f);
        assertArrayEquals(new float[] {-1, 0, 2, 4}, h.raw(), 0f);
    }

    @Test
    void upsamplesBilinearlyWithHalfPixelCentres() {
        float[] up = MapResampling.bilinear(new float[] {0, 1}, 2, 1, 4, 1);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, up, 1e-7f);
    }

    @Test
    void flagsAllZeroConstantNegativeAndNonFiniteMaps() {
        Heatmap zero = Heatmap.of("m", 0, "a", 0, new float[4], 2, 2, false, 4, 4);
        assertTrue(zero.isDegenerate());
        assertTrue(zero.degenerateReason().orElseThrow().contains("no positive"));
        assertArrayEquals(new float[16], zero.normalized(), 0f);
        assertTrue(Heatmap.of("m", 0, "a", 0, new float[] {3, 3, 3, 3}, 2, 2, false, 4, 4)
                .degenerateReason().orElseThrow().contains("constant"));
        assertTrue(Heatmap.of("m", 0, "a", 0, new float[] {-3, -1, -2, -3}, 2, 2, true, 2, 2).isDegenerate());
        Heatmap nan = Heatmap.of("m", 0, "a", 0, new float[] {1, Float.NaN, 2, 0}, 2, 2, false, 2, 2);
        assertTrue(nan.degenerateReason().orElseThrow().contains("NaN"));
        for (float v : nan.normalized()) {
            assertFalse(Float.isNaN(v));
        }
    }

    @Test
    void savesNpyThatReadsBackAndAPng() throws Exception {
        Heatmap h = Heatmap.of("gradcam", 1, "b", 0.5, new float[] {0, 1, 2, 3, 4, 5}, 3, 2, false, 6, 4);
        Path npy = tmp.resolve("h.npy");
        h.saveNpy(npy);
        NpyFile.Array back = NpyFile.read(npy);
        assertArrayEquals(new int[] {4, 6}, back.shape());
        assertArrayEquals(h.normalized(), back.data(), 0f);
        byte[] bytes = Files.readAllBytes(npy);
        assertEquals(0, (bytes.length - 4 * 24) % 64, "NPY v1 header is padded to 64 bytes");
        assertTrue(new String(bytes, 10, 60, java.nio.charset.StandardCharsets.US_ASCII).contains("'<f4'"));
        h.saveRawNpy(tmp.resolve("raw.npy"));
        assertArrayEquals(new int[] {2, 3}, NpyFile.read(tmp.resolve("raw.npy")).shape());
        Path png = tmp.resolve("h.png");
        h.savePng(png);
        ImageRaster r = SemImageReader.read(png);
        assertEquals(6, r.width());
        assertEquals(255, r.sample(5, 3, 0));
        assertEquals(0, r.sample(0, 0, 0));
    }

    @Test
    void theAbsoluteScaleAnchorsTheMapToAFixedTopInsteadOfItsOwnRange() {
        float[] raw = {0f, 1f, 2f, 4f};
        Heatmap own = Heatmap.of("gradcam", 0, "a", 1.0, raw, 2, 2, false, 2, 2);
        org.junit.jupiter.api.Assertions.assertEquals(1f, own.at(1, 1), 1e-6f);
        Heatmap fixed = own.onAbsoluteScale(8.0);
        org.junit.jupiter.api.Assertions.assertEquals(0.5f, fixed.at(1, 1), 1e-6f, "4 of 8");
        org.junit.jupiter.api.Assertions.assertEquals(0.125f, fixed.at(1, 0), 1e-6f);
        org.junit.jupiter.api.Assertions.assertEquals(8.0, fixed.absoluteMax().getAsDouble());
        org.junit.jupiter.api.Assertions.assertEquals(0.5f, fixed.atSize(4, 4).at(3, 3), 1e-6f, "resizing keeps the scale");
        Heatmap weak = Heatmap.of("gradcam", 0, "a", 1.0, new float[] {0f, 0.5f, 1f, 2f}, 2, 2, false, 2, 2);
        org.junit.jupiter.api.Assertions.assertEquals(0.25f, weak.onAbsoluteScale(8.0).at(1, 1), 1e-6f,
                "half the evidence is half the colour on the same scale");
        Heatmap blank = Heatmap.of("gradcam", 0, "a", 1.0, new float[4], 2, 2, false, 2, 2);
        org.junit.jupiter.api.Assertions.assertTrue(blank.isDegenerate());
        org.junit.jupiter.api.Assertions.assertFalse(blank.onAbsoluteScale(1.0).isDegenerate(),
                "no evidence on a fixed scale is a blank map, not a broken one");
        org.junit.jupiter.api.Assertions.assertTrue(fixed.onImageScale().absoluteMax().isEmpty());
    }
}
