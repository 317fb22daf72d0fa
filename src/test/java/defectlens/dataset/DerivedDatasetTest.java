package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived data set (derived.json) may refer to the images its source lists, and to nothing else outside its
 * folder: not an unlisted file beside them, not without the marker, not through a marker naming a missing source,
 * an ancestor, or a loop of sources.
 */
class DerivedDatasetTest {
    @TempDir
    Path tmp;
    Path source;

    @BeforeEach
    void source() throws Exception {
        source = SampleDatasets.carinthiaS(tmp.resolve("source"), 1, false);
        Files.copy(source.resolve("data/images/img_0000.jpg"), source.resolve("data/secret.jpg"));
    }

    private Path derived(String name, String csvLine, String marker) throws Exception {
        Path d = tmp.resolve(name);
        Files.createDirectories(d.resolve("data"));
        Files.writeString(d.resolve("data/carinthia.csv"), "image_path;file_name;label\n" + csvLine + "\n");
        if (marker != null) {
            Files.writeString(d.resolve(DerivedDataset.MARKER), marker);
        }
        return d;
    }

    @Test
    void aListedImageOfTheSourceIsReachableAndTheSameFile() throws Exception {
        Path d = derived("d", "../../source/data/images/img_0001.jpg;img_0001.jpg;4", null);
        DerivedDataset.write(d, source, "test");
        SemDataset set = DatasetOpener.open(d);
        assertEquals(source.resolve("data/images/img_0001.jpg").toRealPath(), set.samples().get(0).image());
        assertEquals(1, set.classCounts().get("line_break"));
        assertTrue(Files.readString(d.resolve("derived.json")).contains("\"source\" : \"../source\""));
    }

    @Test
    void anythingElseOutsideStaysRefused() throws Exception {
        String marker = "{\"format\": 1, \"source\": \"../source\"}";
        assertError(derived("plain", "../../source/data/images/img_0001.jpg;img_0001.jpg;4", null),
                "escapes the data-set folder");
        assertError(derived("unlisted", "../../source/data/secret.jpg;secret.jpg;4", marker),
                "is no image or mask of its source data set");
        assertError(derived("missing", "../../source/data/images/img_0001.jpg;x.jpg;4",
                "{\"format\": 1, \"source\": \"../nowhere\"}"), "derived.json: the source data set");
        assertError(derived("ancestor", "../../source/data/images/img_0001.jpg;x.jpg;4",
                "{\"format\": 1, \"source\": \"..\"}"), "holds this data set itself");
        assertError(derived("garbage", "../../source/data/images/img_0001.jpg;x.jpg;4", "[1, 2"),
                "not a derived-data-set marker");
        derived("loop-a", "../../source/data/images/img_0001.jpg;x.jpg;4", "{\"format\": 1, \"source\": \"../loop-b\"}");
        Path b = derived("loop-b", "../../source/data/images/img_0001.jpg;x.jpg;4",
                "{\"format\": 1, \"source\": \"../loop-a\"}");
        assertError(b, "more than " + DerivedDataset.MAX_DEPTH + " deep");
    }

    private static void assertError(Path dataset, String expected) {
        DefectLensException e = assertThrows(DefectLensException.class, () -> DatasetOpener.open(dataset));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(dataset.toString()), e.getMessage());
    }
}
