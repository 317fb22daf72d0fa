package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wafer train --labels}: the rows a labels CSV lists train with their corrected class (a one-epoch model on
 * the 2,264-map subset; the held-out counts show the relabelled rows), and a CSV that does not fit the data ends in
 * one error naming the CSV and the line.
 */
class WaferTrainLabelsTest {
    static final String SUBSET = "datasets/wm811k/wm811k_subset.pkl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void listedRowsTrainWithTheirCorrectedClass() throws Exception {
        WaferDataset data = WaferPickleReader.read(Path.of(SUBSET));
        StringBuilder csv = new StringBuilder("index,label_before,class_after,reviewer,decision\n");
        int relabelled = 0;
        for (int i = 0; i < data.size() && relabelled < 20; i++) {
            if ("none".equals(data.get(i).label())) {
                csv.append(i).append(",none,Donut,ann,relabel\n");
                relabelled++;
            }
        }
        int firstDonut = -1;
        for (int i = 0; i < data.size() && firstDonut < 0; i++) {
            firstDonut = "Donut".equals(data.get(i).label()) ? i : -1;
        }
        csv.append(firstDonut).append(",Donut,Donut,ann,accept\n");
        Path labels = Files.writeString(tmp.resolve("labels.csv"), csv);
        Path model = tmp.resolve("relabelled");
        CliTest.Result r = CliTest.run("wafer", "train", "--data", SUBSET, "--labels", labels.toString(),
                "--variant", "baseline", "--classes", "paper7", "--train-per-class", "4", "--seed", "3",
                "--max-epochs", "1", "--batch", "16", "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("labels: 21 rows of " + labels + " set, 20 of them changed"), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(20, summary.get("labels_changed").asInt());
        JsonNode provenance = JSON.readTree(Files.readString(model.resolve("model.json"))).get("provenance");
        assertEquals(27, provenance.get("split").get("testCounts").get("Donut").asInt(),
                "round(0.2 x (116 + 20)) Donut maps held out: " + provenance.get("split"));
        JsonNode facts = provenance.get("data").get("labels");
        assertEquals("labels.csv", facts.get("file").asText());
        assertEquals(64, facts.get("sha256").asText().length());
        assertEquals(20, facts.get("changed").asInt());
    }

    @Test
    void aCsvThatDoesNotFitTheDataNamesItsLine() throws Exception {
        assertError("index,class_after\n3,Center\n2264,Donut\n", "line 3", "row index 2264 is outside");
        assertError("index,class_after\n3,Center\n\n7,Blob\n", "line 4", "class 'Blob' is not a class");
        assertError("item,label\n3,Center\n", "line 1", "lacks the column(s) index, class_after");
        assertError("index,class_after\nseven,Center\n", "line 2", "index 'seven' is not a row number");
        assertError("index,class_after\n5,Center\n5,Scratch\n", "line 3", "listed again with another class");
        assertError("index,class_after\n", "lists no row");
    }

    private void assertError(String text, String... expected) throws Exception {
        Path csv = Files.writeString(tmp.resolve("bad.csv"), text);
        CliTest.Result r = CliTest.run("wafer", "train", "--data", SUBSET, "--labels", csv.toString(),
                "--train-per-class", "4", "--max-epochs", "1", "--out", tmp.resolve("never").toString());
        assertEquals(2, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error: " + csv + ": "), r.err());
        for (String e : expected) {
            assertTrue(errors.get(0).contains(e), r.err());
        }
        assertTrue(Files.notExists(tmp.resolve("never")));
    }
}
