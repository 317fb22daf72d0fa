package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.image.BinaryMask;
import defectlens.image.SemImageReader;
import defectlens.image.SemImageWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetOpenerTest {
    @TempDir
    Path tmp;

    @Test
    void carinthiaSWithBomMasksAndLabels() throws Exception {
        Path root = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, true);
        SemDataset d = DatasetOpener.open(root);
        assertEquals(DatasetLayout.CARINTHIA_S, d.layout());
        assertEquals(12, d.size());
        assertEquals(12, d.maskCount());
        assertEquals(2, d.classCounts().get("line_collapse"));
        SemSample first = d.samples().get(0);
        assertEquals("img_0000", first.id());
        assertEquals("single_bridge", first.label());
        BinaryMask m = BinaryMask.read(first.mask());
        assertEquals(64, m.area());
        assertTrue(m.get(5, 7));
        assertTrue(BinaryMask.read(d.samples().get(11).mask()).isEmpty(), "class 6 masks are empty");
        assertEquals(32, SemImageReader.read(first.image()).width());
        // opening the CSV itself gives the same data set
        assertEquals(d, DatasetOpener.open(root.resolve("data/carinthia-s.csv")));
    }

    @Test
    void carinthiaCsv() throws Exception {
        Path root = SampleDatasets.carinthia(tmp.resolve("c"), 3);
        SemDataset d = DatasetOpener.open(root);
        assertEquals(DatasetLayout.CARINTHIA, d.layout());
        assertEquals(18, d.size());
        assertEquals(0, d.maskCount());
        assertEquals("c_0000", d.samples().get(0).id());
        assertEquals(3, d.classCounts().get("no_defect"));
    }

    @Test
    void classFolders() throws Exception {
        Path root = tmp.resolve("folders");
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), root.resolve("bridge/a.png"));
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), root.resolve("bridge/b.tif"));
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), root.resolve("clean/c.bmp"));
        Files.writeString(root.resolve("clean/readme.txt"), "not an image");
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), root.resolve("loose.jpg"));
        SemDataset d = DatasetOpener.open(root);
        assertEquals(DatasetLayout.CLASS_FOLDERS, d.layout());
        assertEquals(4, d.size());
        assertEquals(Map.of("bridge", 2, "clean", 1), d.classCounts());
        assertNull(d.samples().get(3).label());
    }

    @Test
    void tenThousandImagesOpenWithoutReadingThem() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("big/data"));
        StringBuilder csv = new StringBuilder("image_path;mask_path;filename;label\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("images/x").append(i).append(".jpg;masks/x").append(i).append(".png;x").append(i).append(';').append(1 + i % 6).append('\n');
        }
        Files.writeString(data.resolve("carinthia-s.csv"), csv);
        // none of the 10,000 images exists: listing must not touch them
        SemDataset d = DatasetOpener.open(tmp.resolve("big"));
        assertEquals(10_000, d.size());
        assertEquals(10_000, d.maskCount());
    }

    private String errorOf(String csvText, String name) throws Exception {
        Path root = tmp.resolve("bad" + Math.abs(csvText.hashCode()));
        Path data = Files.createDirectories(root.resolve("data"));
        Files.writeString(data.resolve(name), csvText, StandardCharsets.UTF_8);
        DefectLensException e = assertThrows(DefectLensException.class, () -> DatasetOpener.open(root));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badCsvsNameTheProblem() throws Exception {
        assertTrue(errorOf("image_path;label\nimages/a.jpg;1\n", "carinthia.csv").contains("lacks the column(s) file_name"));
        assertTrue(errorOf("image_path,mask_path,filename,label\n", "carinthia-s.csv").contains("comma-delimited"));
        String unknown = errorOf("image_path;file_name;label\nimages/a.jpg;a.jpg;9\n", "carinthia.csv");
        assertTrue(unknown.contains("line 2") && unknown.contains("unknown label '9'"), unknown);
        String escape = errorOf("image_path;file_name;label\n../../etc/passwd;passwd;1\n", "carinthia.csv");
        assertTrue(escape.contains("escapes the data-set folder"), escape);
        String absolute = errorOf("image_path;mask_path;filename;label\n/etc/passwd;masks/a.png;a;1\n", "carinthia-s.csv");
        assertTrue(absolute.contains("absolute path"), absolute);
        String maskEscape = errorOf("image_path;mask_path;filename;label\nimages/a.jpg;../../x.png;a;1\n", "carinthia-s.csv");
        assertTrue(maskEscape.contains("mask_path") && maskEscape.contains("escapes"), maskEscape);
        assertTrue(errorOf("", "carinthia.csv").contains("empty"));
    }

    @Test
    void missingAndEmptyFolders() throws Exception {
        assertTrue(assertThrows(DefectLensException.class, () -> DatasetOpener.open(tmp.resolve("none"))).getMessage().contains("not found"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(DefectLensException.class, () -> DatasetOpener.open(empty)).getMessage().contains("no images found"));
    }
}
