package defectlens.cli.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.cli.DefectLensCommand;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Spark jobs in {@code local[2]} against the desktop commands on shipped data: the maps Parquet holds the
 * pickle's maps, {@code wafer-score} gives {@code wafer classify}'s classes and probabilities (within 1e-5) for
 * 29 real maps of the sample (4 per class), with novelty scores, and {@code sem-score} gives {@code sem
 * classify}'s for a small image folder and reports an unreadable image instead of failing. Runs in the surefire execution {@code spark-local},
 * whose JVM has the module openings Spark 3.5 needs on Java 17 (skipped in any other JVM).
 */
class SparkScoringTest {
    /** At most 4 maps of each class of datasets/wm811k/LSWMD_sample.pkl (29 real maps; make_sample.py). */
    static final Path SAMPLE = Path.of("src/test/resources/spark/lswmd_small.pkl");
    static final Path PAPER7 = Path.of("models/wafer-proposed-paper7");
    static final Path SEM_MODEL = Path.of("models/sem-demo");
    static final Path SEM_IMAGES = Path.of("datasets/sem-demo/data/images");

    static SparkSession spark;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void startSpark() {
        assumeTrue(Object.class.getModule().isOpen("sun.nio.ch", SparkScoringTest.class.getModule()),
                "runs in the spark-local surefire execution (--add-opens for Spark 3.5 on Java 17)");
        for (String noisy : List.of("org.apache.spark", "org.apache.hadoop", "org.apache.parquet", "org.sparkproject")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
        spark = SparkSession.builder().appName("SparkScoringTest").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkJobs.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void waferScoreGivesWhatWaferClassifyGives() throws Exception {
        Path maps = tmp.resolve("maps.parquet");
        Result export = cli("wafer", "export", "--format", "parquet", "--data", SAMPLE.toString(), "--out",
                maps.toString());
        assertEquals(0, export.code(), export.err());
        WaferDataset pickle = WaferPickleReader.read(SAMPLE);
        List<Row> exported = spark.read().parquet(maps.toString()).orderBy("index").collectAsList();
        assertEquals(pickle.size(), exported.size());
        for (Row r : exported) {
            WaferMap m = pickle.get(r.<Integer>getAs("index"));
            assertEquals(m.label(), r.getAs("label"));
            assertEquals(m.lotName(), r.getAs("lot"));
            assertEquals(m.split().label(), r.getAs("split"));
            assertEquals(m.rows(), r.<Integer>getAs("rows"));
            assertEquals(m.cols(), r.<Integer>getAs("cols"));
            assertTrue(Arrays.equals(m.dies(), r.<byte[]>getAs("dies")), "dies of map " + r.getAs("index"));
        }

        Path scores = tmp.resolve("scores.parquet");
        Result score = job("wafer-score", "--model", PAPER7.toString(), "--in", maps.toString(), "--out",
                scores.toString(), "--average-symmetries", "--novelty", "--master", "local[2]", "--partitions", "2",
                "--json");
        assertEquals(0, score.code(), score.err());
        JsonNode summary = new ObjectMapper().readTree(score.out());
        assertEquals(exported.size(), summary.get("maps").asInt());
        assertEquals(2, summary.get("partitions").asInt());
        Path csv = tmp.resolve("classify.csv");
        Result classify = cli("wafer", "classify", "--model", PAPER7.toString(), "--data", SAMPLE.toString(), "--out",
                csv.toString(), "--average-symmetries");
        assertEquals(0, classify.code(), classify.err());

        Map<Integer, Map<String, String>> desktop = new HashMap<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            it.forEachRemaining(row -> desktop.put(Integer.parseInt(row.get("row")), row));
        }
        List<Row> scored = spark.read().parquet(scores.toString()).collectAsList();
        assertEquals(exported.size(), scored.size());
        String[] order = spark.read().parquet(scores.toString()).schema().apply("probabilities").metadata()
                .getStringArray("classes");
        double threshold = summary.get("novelty_threshold").asDouble();
        for (Row r : scored) {
            Map<String, String> d = desktop.get(r.<Integer>getAs("index"));
            assertNotNull(d, "row " + r.getAs("index") + " of the Spark output is not in the CSV");
            assertEquals(d.get("predicted"), r.getAs("predicted"), "class of map " + r.getAs("index"));
            List<Float> p = r.getList(r.fieldIndex("probabilities"));
            assertEquals(order.length, p.size());
            for (int c = 0; c < order.length; c++) {
                assertEquals(Double.parseDouble(d.get("p_" + order[c])), p.get(c), 1e-5,
                        "p_" + order[c] + " of map " + r.getAs("index"));
            }
            float novelty = r.getAs("novelty");
            assertTrue(Float.isFinite(novelty));
            assertEquals(novelty > threshold, r.<Boolean>getAs("novel"));
        }
    }

    @Test
    void semScoreGivesWhatSemClassifyGivesAndReportsAnUnreadableImage() throws Exception {
        Path data = tmp.resolve("sem");
        List<String> images;
        try (var listing = Files.list(SEM_IMAGES)) {
            images = listing.map(p -> p.getFileName().toString()).sorted().limit(6).toList();
        }
        for (int i = 0; i < images.size(); i++) {
            Path folder = Files.createDirectories(data.resolve(i < 3 ? "single_bridge" : "line_collapse"));
            Files.copy(SEM_IMAGES.resolve(images.get(i)), folder.resolve(images.get(i)));
        }
        byte[] jpeg = Files.readAllBytes(SEM_IMAGES.resolve(images.get(0)));
        Files.write(data.resolve("line_collapse").resolve("truncated.jpg"), Arrays.copyOf(jpeg, 200));

        Path scores = tmp.resolve("sem.parquet");
        Result score = job("sem-score", "--model", SEM_MODEL.toString(), "--in", data.toString(), "--out",
                scores.toString(), "--master", "local[2]", "--partitions", "2");
        assertEquals(0, score.code(), score.err());
        assertTrue(score.out().contains("scored 7 images") && score.out().contains("1 unreadable"), score.out());
        Result classify = cli("sem", "classify", "--model", SEM_MODEL.toString(), "--data", data.toString(), "--top",
                "6", "--json");
        assertEquals(0, classify.code(), classify.err());
        Map<String, JsonNode> desktop = new HashMap<>();
        new ObjectMapper().readTree(classify.out()).get("predictions").forEach(p -> desktop.put(p.get("id").asText(), p));
        assertEquals(6, desktop.size());

        List<Row> scored = spark.read().parquet(scores.toString()).collectAsList();
        assertEquals(7, scored.size());
        String[] classes = spark.read().parquet(scores.toString()).schema().apply("probabilities").metadata()
                .getStringArray("classes");
        for (Row r : scored) {
            String id = r.getAs("id");
            if (id.equals("truncated")) {
                assertNull(r.getAs("predicted"));
                assertTrue(r.<String>getAs("error").contains("truncated.jpg"), r.<String>getAs("error"));
                continue;
            }
            assertNull(r.getAs("error"));
            JsonNode d = desktop.get(id);
            assertNotNull(d, id);
            assertEquals(d.get("top").get(0).get("class").asText(), r.getAs("predicted"), id);
            List<Double> p = r.getList(r.fieldIndex("probabilities"));
            for (JsonNode top : d.get("top")) {
                int c = Arrays.asList(classes).indexOf(top.get("class").asText());
                assertEquals(top.get("probability").asDouble(), p.get(c), 1e-5, id + " " + top.get("class"));
            }
        }
    }

    @Test
    void anExistingOutputIsRefusedBeforeSparkRuns() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken.parquet"));
        Result r = job("wafer-score", "--model", PAPER7.toString(), "--in", tmp.toString(), "--out", out.toString(),
                "--master", "local[2]");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("taken.parquet")
                && r.err().contains("--force"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
