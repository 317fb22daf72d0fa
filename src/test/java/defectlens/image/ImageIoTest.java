package defectlens.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real image files written by independent writers (tifffile, Pillow; see make_fixtures.py). */
class ImageIoTest {
    static final Path DIR = Path.of("src/test/resources/image");
    static JsonNode golden;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadGolden() throws Exception {
        golden = new ObjectMapper().readTree(DIR.resolve("golden.json").toFile());
    }

    private static void assertGray(ImageRaster r, String key) {
        golden.get(key).fields().forEachRemaining(e -> {
            String[] xy = e.getKey().split(",");
            assertEquals(e.getValue().asInt(), r.sample(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), 0), key + " at " + e.getKey());
        });
    }

    private static void assertRgb(ImageRaster r, String key) {
        golden.get(key).fields().forEachRemaining(e -> {
            String[] xy = e.getKey().split(",");
            for (int c = 0; c < 3; c++) {
                assertEquals(e.getValue().get(c).asInt(), r.sample(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), c),
                        key + " at " + e.getKey() + " channel " + c);
            }
        });
    }

    @Test
    void sixteenBitTiffKeepsEveryGreyLevel() {
        ImageRaster r = SemImageReader.read(DIR.resolve("gray16.tif"));
        assertEquals(64, r.width());
        assertEquals(48, r.height());
        assertEquals(1, r.channels());
        assertEquals(16, r.bitDepth());
        assertGray(r, "gray16");
    }

    @Test
    void sixteenBitPngAndEightBitFormats() {
        ImageRaster p16 = SemImageReader.read(DIR.resolve("gray16.png"));
        assertEquals(16, p16.bitDepth());
        assertGray(p16, "gray16");
        for (String f : new String[] {"gray8.tif", "gray8.png", "gray8.bmp"}) {
            ImageRaster r = SemImageReader.read(DIR.resolve(f));
            assertEquals(8, r.bitDepth(), f);
            assertEquals(1, r.channels(), f);
            assertGray(r, "gray8");
        }
    }

    @Test
    void jpegIsLossyButClose() {
        ImageRaster r = SemImageReader.read(DIR.resolve("gray8.jpg"));
        assertEquals(8, r.bitDepth());
        assertEquals(1, r.channels());
        golden.get("gray8").fields().forEachRemaining(e -> {
            String[] xy = e.getKey().split(",");
            int v = r.sample(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), 0);
            assertTrue(Math.abs(v - e.getValue().asInt()) <= 12, "jpeg at " + e.getKey() + ": " + v);
        });
    }

    @Test
    void colourImagesComeInRgbOrder() {
        assertRgb(SemImageReader.read(DIR.resolve("rgb8.png")), "rgb8");
        ImageRaster r16 = SemImageReader.read(DIR.resolve("rgb16.tif"));
        assertEquals(16, r16.bitDepth());
        assertRgb(r16, "rgb16");
        ImageRaster rgba = SemImageReader.read(DIR.resolve("rgba8.png"));
        assertEquals(4, rgba.channels());
        assertEquals(200, rgba.sample(3, 3, 3));
        assertRgb(rgba, "rgb8");
    }

    @Test
    void writeReadRoundTripAtBothDepths() {
        ImageRaster src = SemImageReader.read(DIR.resolve("gray16.tif"));
        for (String name : new String[] {"a.tif", "a.png"}) {
            Path f = tmp.resolve(name);
            SemImageWriter.write(src, f);
            ImageRaster back = SemImageReader.read(f);
            assertEquals(16, back.bitDepth());
            assertTrue(Arrays.equals(src.samples(), back.samples()), name);
        }
    }

    @Test
    void windowingStretchesSixteenBitToScreen() {
        ImageRaster r = SemImageReader.read(DIR.resolve("gray16.tif"));
        DisplayWindow mm = DisplayWindow.minMax(r);
        assertEquals(0, mm.low());
        assertEquals(63329, mm.high());
        ArgbImage img = mm.render(r);
        assertEquals(0xFF000000, img.argb(0, 0));
        assertEquals(0xFFFFFFFF, img.argb(63, 47));
        DisplayWindow robust = DisplayWindow.percentile(r, 5, 95);
        assertTrue(robust.low() > 0 && robust.high() < 63329, robust.toString());
        assertEquals(0, robust.toByte(robust.low()));
        assertEquals(255, robust.toByte(robust.high()));
    }

    @Test
    void tensorHasChannelsFirstInUnitRange() {
        ImageRaster r = SemImageReader.read(DIR.resolve("gray16.tif"));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray t3 = ImageConversions.toTensor(r, m, 3);
            assertEquals(new ai.djl.ndarray.types.Shape(3, 48, 64), t3.getShape());
            assertEquals(63329f / 65535f, t3.get(2, 47, 63).getFloat(), 1e-6);
            NDArray t1 = ImageConversions.toTensor(r, m, 1);
            ImageRaster back = ImageConversions.fromTensor(t1, 16);
            assertTrue(Arrays.equals(r.samples(), back.samples()));
        }
    }

    @Test
    void masksThresholdAtHalfAndHonourAlpha() {
        ImageRaster rgba = SemImageReader.read(DIR.resolve("rgba8.png"));
        BinaryMask m = BinaryMask.fromRaster(rgba);
        // max(R,G,B) * 200/255 > 127  <=>  max(R,G,B) > 161.9
        int x = 10;
        int y = 5;
        int max = Math.max(rgba.sample(x, y, 0), Math.max(rgba.sample(x, y, 1), rgba.sample(x, y, 2)));
        assertEquals(max * 200.0 / 255 > 127, m.get(x, y));
    }

    @Test
    void badFilesGiveOneClearError() throws Exception {
        DefectLensException missing = assertThrows(DefectLensException.class, () -> SemImageReader.read(tmp.resolve("nope.png")));
        assertTrue(missing.getMessage().contains("nope.png") && missing.getMessage().contains("not found"), missing.getMessage());

        byte[] jpg = Files.readAllBytes(DIR.resolve("gray8.jpg"));
        Path cut = tmp.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(jpg, jpg.length / 2));
        DefectLensException truncated = assertThrows(DefectLensException.class, () -> SemImageReader.read(cut));
        assertTrue(truncated.getMessage().contains("cut.jpg") && truncated.getMessage().contains("truncated"), truncated.getMessage());

        byte[] png = Files.readAllBytes(DIR.resolve("rgb8.png"));
        Path cutPng = tmp.resolve("cut.png");
        Files.write(cutPng, Arrays.copyOf(png, png.length - 20));
        assertTrue(assertThrows(DefectLensException.class, () -> SemImageReader.read(cutPng)).getMessage().contains("truncated"));

        byte[] tif = Files.readAllBytes(DIR.resolve("gray16.tif"));
        Path cutTif = tmp.resolve("cut.tif");
        Files.write(cutTif, Arrays.copyOf(tif, 300));
        DefectLensException badTif = assertThrows(DefectLensException.class, () -> SemImageReader.read(cutTif));
        assertTrue(badTif.getMessage().contains("cut.tif"), badTif.getMessage());

        Path text = tmp.resolve("notes.png");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(DefectLensException.class, () -> SemImageReader.read(text)).getMessage().contains("not a PNG"));

        Path empty = tmp.resolve("empty.tif");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(DefectLensException.class, () -> SemImageReader.read(empty)).getMessage().contains("empty"));
    }
}
