package defectlens.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import defectlens.core.DefectLensException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted image files (made by {@code src/test/resources/fuzz/image/make_cases.py}) end in one clear
 * {@link DefectLensException} naming the file, before OpenCV decodes a pixel: truncation by the JDK decoder's
 * verdict, sizes by the header against the pixel budget, and only regular files.
 */
class HostileImageTest {
    private static final Path FUZZ = Path.of("src", "test", "resources", "fuzz", "image");

    @TempDir
    Path tmp;

    private static String refusal(Path file) {
        DefectLensException e = assertThrows(DefectLensException.class, () -> SemImageReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedJpegsAreRefusedByTheDecodersVerdict() throws Exception {
        assertEquals(256, SemImageReader.read(FUZZ.resolve("base.jpg")).width());
        byte[] cutExif = Files.readAllBytes(FUZZ.resolve("jpeg_exif_thumb_cut.jpg"));
        boolean markerNearEnd = false;
        for (int i = Math.max(0, cutExif.length - 4096); i + 1 < cutExif.length; i++) {
            markerNearEnd |= (cutExif[i] & 0xFF) == 0xFF && (cutExif[i + 1] & 0xFF) == 0xD9;
        }
        assertTrue(markerNearEnd, "the thumbnail's end-of-image marker lies in the last 4 KB (fooled the old check)");
        assertTrue(refusal(FUZZ.resolve("jpeg_exif_thumb_cut.jpg")).contains("truncated or corrupt JPEG"));
        String appended = refusal(FUZZ.resolve("jpeg_cut_plus_ffd9.jpg"));
        assertTrue(appended.contains("premature end"), appended);

        byte[] base = Files.readAllBytes(FUZZ.resolve("base.jpg"));
        for (int keep : new int[] {base.length - 2, base.length * 3 / 4, 700}) {
            Path cut = tmp.resolve("cut" + keep + ".jpg");
            byte[] b = Arrays.copyOf(base, keep + 2);
            b[keep] = (byte) 0xFF;
            b[keep + 1] = (byte) 0xD9;
            Files.write(cut, keep == base.length - 2 ? base : b);
            if (keep == base.length - 2) {
                assertEquals(256, SemImageReader.read(cut).height(), "the whole file still reads");
            } else {
                assertTrue(refusal(cut).contains("JPEG"));
            }
        }
    }

    @Test
    void aWholeJpegWithPaddingBeforeItsEndMarkerStillReads() throws Exception {
        byte[] base = Files.readAllBytes(FUZZ.resolve("base.jpg"));
        byte[] padded = Arrays.copyOf(base, base.length + 3);
        System.arraycopy(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xD9}, 0, padded, base.length - 2, 5);
        Path file = tmp.resolve("padded.jpg");
        Files.write(file, padded);
        assertEquals(256, SemImageReader.read(file).width(), "libjpeg's 'extraneous bytes' warning is harmless");
        assertTrue(DecoderVerdict.harmless("Corrupt JPEG data: 3 extraneous bytes before marker 0xd9"));
        assertTrue(!DecoderVerdict.harmless("Corrupt JPEG data: premature end of data segment"));
    }

    @Test
    void truncatedPngTiffAndBmpStayRefused() {
        assertTrue(refusal(FUZZ.resolve("png_cut.png")).contains("truncated PNG"));
        assertTrue(refusal(FUZZ.resolve("png_cut_iend.png")).contains("corrupt PNG"));
        assertTrue(refusal(FUZZ.resolve("tiff_cut.tif")).contains("TIFF"));
        assertTrue(refusal(FUZZ.resolve("bmp_cut.bmp")).contains("truncated BMP"));
    }

    @Test
    void headersClaimingHugeSizesAreRefusedBeforeDecoding() {
        for (String name : new String[] {"png_60000.png", "jpeg_60000.jpg", "tiff_60000.tif", "bmp_60000.bmp"}) {
            String m = refusal(FUZZ.resolve(name));
            assertTrue(m.contains("image is 60000 x 60000 pixels, more than the budget of 268435456 pixels"), m);
        }
        assertTrue(refusal(FUZZ.resolve("png_26800_rgb.png")).contains("26800 x 26800"));
    }

    @Test
    void headersAreReadWithoutDecoding() throws Exception {
        ImageHeader png = header("png_26800_rgb.png", ImageFormat.PNG);
        assertEquals(26800, png.width());
        assertEquals(3, png.channels());
        ImageHeader jpeg = header("base.jpg", ImageFormat.JPEG);
        assertEquals(256, jpeg.width());
        assertEquals(1, jpeg.channels());
        assertEquals(60000, header("tiff_60000.tif", ImageFormat.TIFF).height());
        assertEquals(60000, header("bmp_60000.bmp", ImageFormat.BMP).height());
        assertEquals(48, header("valid.png", ImageFormat.PNG).height());
    }

    private static ImageHeader header(String name, ImageFormat format) throws Exception {
        return ImageHeader.parse(format, Files.readAllBytes(FUZZ.resolve(name))).header().orElseThrow();
    }

    @Test
    void theBudgetIsConfigurableAndSizeArithmeticCannotOverflow() {
        String before = System.getProperty(PixelBudget.PROPERTY);
        try {
            System.setProperty(PixelBudget.PROPERTY, "1000");
            String m = refusal(FUZZ.resolve("valid.png"));
            assertTrue(m.contains("64 x 48 pixels, more than the budget of 1000 pixels"), m);
            System.setProperty(PixelBudget.PROPERTY, String.valueOf(Long.MAX_VALUE));
            Path f = Path.of("big.png");
            String samples = assertThrows(DefectLensException.class,
                    () -> PixelBudget.check(f, 26800, 26800, 3)).getMessage();
            assertTrue(samples.contains("2154720000 samples, more than one raster can hold"), samples);
            String huge = assertThrows(DefectLensException.class,
                    () -> PixelBudget.check(f, 4_294_967_295L, 4_294_967_295L, 1)).getMessage();
            assertTrue(huge.contains("4294967295 x 4294967295 pixels"), huge);
            System.setProperty(PixelBudget.PROPERTY, "lots");
            assertTrue(assertThrows(DefectLensException.class, PixelBudget::pixels).getMessage().contains("lots"));
        } finally {
            if (before == null) {
                System.clearProperty(PixelBudget.PROPERTY);
            } else {
                System.setProperty(PixelBudget.PROPERTY, before);
            }
        }
        assertEquals(PixelBudget.DEFAULT_PIXELS, PixelBudget.pixels());
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        assertTrue(refusal(FUZZ.resolve("folder.png")).contains("is a folder"));
        assertTrue(refusal(FUZZ.resolve("empty.png")).contains("empty"));
        assertTrue(refusal(FUZZ.resolve("random_bytes.png")).contains("not a PNG"));
        Path loop = Files.createSymbolicLink(tmp.resolve("a.png"), Path.of("b.png"));
        Files.createSymbolicLink(tmp.resolve("b.png"), Path.of("a.png"));
        assertTrue(refusal(loop).contains("symbolic link loop"));
        Path dangling = Files.createSymbolicLink(tmp.resolve("d.png"), Path.of("gone.png"));
        assertTrue(refusal(dangling).contains("symbolic link to a file that does not exist"));
        assertTrue(refusal(tmp.resolve("nope.png")).contains("file not found"));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a Unix /dev/zero");
        assertTrue(refusal(zero).contains("not a regular file"));
        Path pipe = tmp.resolve("pipe.png");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo");
        assertTrue(refusal(pipe).contains("not a regular file"));
    }

    private static String[] child(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                ImageReaderMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        return new String[] {out, err};
    }

    @Test
    void nativeDecodersPrintNothingOnStderr() throws Exception {
        String cut = FUZZ.resolve("jpeg_cut_plus_ffd9.jpg").toString();
        String[] raw = child("--raw", cut);
        assertTrue(raw[1].contains("Corrupt JPEG data"), "libjpeg itself warns on fd 2: " + raw[1]);
        List<String> files = new ArrayList<>();
        for (String name : new String[] {"jpeg_cut_plus_ffd9.jpg", "jpeg_exif_thumb_cut.jpg", "jpeg_cut.jpg",
            "png_cut.png", "png_cut_iend.png", "tiff_cut.tif", "bmp_cut.bmp", "png_60000.png", "valid.png"}) {
            files.add(FUZZ.resolve(name).toString());
        }
        String[] checked = child(files.toArray(String[]::new));
        assertEquals(8, checked[0].lines().filter(l -> l.startsWith("refused ")).count(), checked[0]);
        assertTrue(checked[0].contains("read " + files.get(8)), checked[0]);
        assertEquals("", checked[1], "nothing on the real stderr");
    }
}
