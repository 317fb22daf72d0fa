package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetLayout;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports of a review: the corrected SEM set as Carinthia-S referring to the source's own image files, as class
 * folders of copies or links, the decisions CSV; nothing existing is overwritten.
 */
class CorrectedExportTest {
    @TempDir
    Path tmp;
    ReviewFixture r;

    @BeforeEach
    void decide() throws Exception {
        r = ReviewFixture.sem(tmp);
        DecisionMaker ann = r.maker("ann");
        r.record("ann", ann.relabel(1, "thin_bridge", "keyboard"), ann.accept(2, "keyboard"),
                ann.undecided(3, DecisionAction.UNSURE, "keyboard"),
                ann.note(3, "ask bo, \"thin?\"\nline 2", "keyboard"));
        r.record("bo", r.maker("bo").relabel(0, "no_defect", "mouse"));
    }

    static Map<String, Integer> expectedCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("single_bridge", 0);
        m.put("thin_bridge", 3);
        m.put("line_collapse", 2);
        m.put("line_break", 2);
        m.put("multi_bridge", 2);
        m.put("no_defect", 3);
        return m;
    }

    @Test
    void carinthiaExportRefersToTheSameImagesAndOpensWithTheCorrectedCounts() throws Exception {
        Path out = tmp.resolve("exports/corrected");
        CorrectedSemExport.Result res = CorrectedSemExport.carinthia(r.data(), r.table(), r.ledger(), out, "test");
        assertEquals("carinthia-s", res.layout());
        assertEquals(12, res.images());
        assertEquals(2, res.corrected());
        String csv = Files.readString(out.resolve("data/carinthia-s.csv"));
        assertTrue(csv.startsWith("image_path;mask_path;filename;label\n"
                + "../../../source/data/images/img_0000.jpg;../../../source/data/masks/img_0000.png;img_0000;6\n"), csv);
        assertTrue(Files.isRegularFile(out.resolve("data/carinthia.csv")));

        SemDataset exported = DatasetOpener.open(out);
        assertEquals(DatasetLayout.CARINTHIA_S, exported.layout());
        assertEquals(expectedCounts(), exported.classCounts());
        for (int i = 0; i < exported.size(); i++) {
            assertEquals(r.data().samples().get(i).image(), exported.samples().get(i).image(), "the same file");
        }
        assertEquals(2, DatasetOpener.open(r.data().root()).classCounts().get("single_bridge"), "source untouched");

        DefectLensException again = assertThrows(DefectLensException.class,
                () -> CorrectedSemExport.carinthia(r.data(), r.table(), r.ledger(), out, "test"));
        assertTrue(again.getMessage().contains("not empty; an export never overwrites"), again.getMessage());
        try (Stream<Path> s = Files.list(tmp.resolve("exports"))) {
            assertEquals(List.of(out), s.toList(), "no hidden part folder is left behind");
        }
    }

    @Test
    void classFoldersAsCopiesOrLinksOpenWithTheCorrectedCounts() throws Exception {
        Map<String, Integer> expected = expectedCounts();
        expected.remove("single_bridge");
        Path copies = tmp.resolve("copies");
        CorrectedSemExport.classFolders(r.data(), r.table(), r.ledger(), copies, false, "test");
        SemDataset c = DatasetOpener.open(copies);
        assertEquals(DatasetLayout.CLASS_FOLDERS, c.layout());
        assertEquals(expected, sorted(c.classCounts(), expected));
        assertTrue(Files.isRegularFile(copies.resolve("no_defect/img_0000.jpg")));
        assertFalse(Files.isSymbolicLink(copies.resolve("no_defect/img_0000.jpg")));
        assertTrue(Files.notExists(copies.resolve("derived.json")), "copies stand on their own");

        Path links = tmp.resolve("links");
        CorrectedSemExport.classFolders(r.data(), r.table(), r.ledger(), links, true, "test");
        Path link = links.resolve("no_defect/img_0000.jpg");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../../source/data/images/img_0000.jpg"), Files.readSymbolicLink(link));
        SemDataset l = DatasetOpener.open(links);
        assertEquals(expected, sorted(l.classCounts(), expected));
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts, Map<String, Integer> order) {
        Map<String, Integer> m = new LinkedHashMap<>();
        order.keySet().forEach(k -> m.put(k, counts.get(k)));
        assertEquals(order.size(), counts.size(), counts.toString());
        return m;
    }

    @Test
    void decisionsCsvHasARowPerItemAndReviewerReadyForPandas() throws Exception {
        Path out = tmp.resolve("decisions.csv");
        assertEquals(4, DecisionCsvExport.write(out, r.table(), r.ledger()));
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toFile())) {
            rows = it.readAll();
        }
        assertEquals(DecisionCsvExport.COLUMNS, List.copyOf(rows.get(0).keySet()));
        assertEquals(List.of("0", "1", "2", "3"), rows.stream().map(m -> m.get("index")).toList());
        Map<String, String> relabel = rows.get(1);
        assertEquals("img_0001", relabel.get("item"));
        assertEquals("single_bridge", relabel.get("label_before"));
        assertEquals("relabel", relabel.get("decision"));
        assertEquals("thin_bridge", relabel.get("class_after"));
        assertEquals("ann", relabel.get("reviewer"));
        assertEquals("thin_bridge", relabel.get("top1"));
        assertEquals(0.6, Double.parseDouble(relabel.get("p1")), 1e-6);
        Map<String, String> unsure = rows.get(3);
        assertEquals("unsure", unsure.get("decision"));
        assertEquals("thin_bridge", unsure.get("class_after"), "unsure keeps the label before");
        assertEquals("ask bo, \"thin?\"\nline 2", unsure.get("note"));
        assertEquals("bo", rows.get(0).get("reviewer"));

        DefectLensException e = assertThrows(DefectLensException.class,
                () -> DecisionCsvExport.write(out, r.table(), r.ledger()));
        assertTrue(e.getMessage().contains("already exists; an export never overwrites"), e.getMessage());
        DefectLensException w = assertThrows(DefectLensException.class, () -> WaferLabelExport.write(
                tmp.resolve("w.csv"), r.folder().definition(), r.table(), r.ledger()));
        assertTrue(w.getMessage().contains("wafer reviews"), w.getMessage());
    }
}
