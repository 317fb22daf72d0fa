package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.image.SemImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file outside a data set's folder is listed through it: symbolic links to files or folders outside
 * are refused by real path, naming the file or the CSV line, while links that stay inside are allowed;
 * an image listed twice in a CSV is refused, naming both lines.
 */
class ContainmentTest {
    @TempDir
    Path tmp;
    private Path outside;

    @BeforeEach
    void secret() {
        outside = tmp.resolve("outside/secret.png");
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), outside);
    }

    private Path image(Path file) {
        SemImageWriter.write(SampleDatasets.square(1, 1, 4, false), file);
        return file;
    }

    private static String refusal(Path root) {
        return assertThrows(DefectLensException.class, () -> DatasetOpener.open(root)).getMessage();
    }

    @Test
    void classFoldersRefuseLinksLeadingOutside() throws Exception {
        Path ds = tmp.resolve("ds");
        image(ds.resolve("a/ok.png"));
        Path leak = Files.createSymbolicLink(ds.resolve("a/leak.png"), Path.of("../../outside/secret.png"));
        String m = refusal(ds);
        assertTrue(m.startsWith(leak.toString()) && m.contains("outside the data-set folder"), m);

        Files.delete(leak);
        Path folder = Files.createSymbolicLink(ds.resolve("b"), Path.of("../outside"));
        String f = refusal(ds);
        assertTrue(f.startsWith(folder.toString()) && f.contains("class folder"), f);
    }

    @Test
    void linksThatStayInsideAreAllowedAndTheRealFileIsListed() throws Exception {
        Path ds = tmp.resolve("ds");
        Path ok = image(ds.resolve("a/ok.png"));
        Files.createDirectories(ds.resolve("b"));
        Files.createSymbolicLink(ds.resolve("b/alias.png"), Path.of("../a/ok.png"));
        SemDataset d = DatasetOpener.open(ds);
        assertEquals(2, d.size());
        assertEquals("alias", d.samples().get(1).id());
        assertEquals(ok.toRealPath(), d.samples().get(1).image());
    }

    @Test
    void aLinkLoopIsNamedAsSuch() throws Exception {
        Path ds = tmp.resolve("ds");
        image(ds.resolve("a/ok.png"));
        Path loop = Files.createSymbolicLink(ds.resolve("a/loop.png"), Path.of("loop.png"));
        String m = refusal(ds);
        assertTrue(m.startsWith(loop.toString()) && m.contains("symbolic link loop"), m);
    }

    private Path carinthiaS(String rows) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("cs/data"));
        Files.writeString(data.resolve("carinthia-s.csv"), "image_path;mask_path;filename;label\n" + rows);
        return tmp.resolve("cs");
    }

    @Test
    void csvRowsLeadingOutsideByLinkNameTheLine() throws Exception {
        Path root = carinthiaS("images/a.png;masks/a.png;a;1\nimages/b.png;masks/b.png;b;1\n");
        image(root.resolve("data/images/a.png"));
        image(root.resolve("data/masks/a.png"));
        image(root.resolve("data/masks/b.png"));
        Files.createSymbolicLink(root.resolve("data/images/b.png"), outside);
        String m = refusal(root);
        assertTrue(m.contains("carinthia-s.csv: line 3, column image_path") && m.contains("outside"), m);

        Files.delete(root.resolve("data/images/b.png"));
        image(root.resolve("data/images/b.png"));
        Files.delete(root.resolve("data/masks/b.png"));
        Files.createSymbolicLink(root.resolve("data/masks/b.png"), Path.of("../../../outside/secret.png"));
        String mask = refusal(root);
        assertTrue(mask.contains("line 3, column mask_path") && mask.contains("outside"), mask);
    }

    @Test
    void aMissingFileUnderAFolderLinkedOutsideIsRefused() throws Exception {
        Path root = carinthiaS("images/nothing-yet.png;masks/a.png;a;1\n");
        Files.createSymbolicLink(root.resolve("data/images"), outside.getParent());
        String m = refusal(root);
        assertTrue(m.contains("line 2, column image_path") && m.contains("outside"), m);
    }

    @Test
    void duplicateRowsNameBothLines() throws Exception {
        Path root = carinthiaS("images/a.png;masks/a.png;a;1\nimages/b.png;masks/b.png;b;2\n"
                + "images/./a.png;masks/c.png;c;3\n");
        String m = refusal(root);
        assertTrue(m.contains("carinthia-s.csv") && m.contains("lines 2 and 4"), m);
    }
}
