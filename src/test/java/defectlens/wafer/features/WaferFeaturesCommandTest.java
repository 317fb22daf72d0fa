package defectlens.wafer.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferSplit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wafer features}: header, one row per map in order, NaN for maps too small, refusals. */
class WaferFeaturesCommandTest {
    private static final Path SAMPLE = Paths.get("datasets", "wm811k", "LSWMD_sample.pkl");

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void writesTheHeaderAndOneRowPerMapInOrder() throws Exception {
        Path csv = tmp.resolve("f.csv");
        String[] r = run("wafer", "features", "--data", SAMPLE.toString(), "--out", csv.toString(), "--limit", "30",
                "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals(30, doc.get("written").asInt());
        assertEquals(0, doc.get("undefined").asInt());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,label,density_1,density_2,density_3,density_4,density_5,density_6,density_7,density_8,"
                + "density_9,density_10,density_11,density_12,density_13,radon_mean_1,radon_mean_2,radon_mean_3,"
                + "radon_mean_4,radon_mean_5,radon_mean_6,radon_mean_7,radon_mean_8,radon_mean_9,radon_mean_10,"
                + "radon_mean_11,radon_mean_12,radon_mean_13,radon_mean_14,radon_mean_15,radon_mean_16,radon_mean_17,"
                + "radon_mean_18,radon_mean_19,radon_mean_20,radon_std_1,radon_std_2,radon_std_3,radon_std_4,"
                + "radon_std_5,radon_std_6,radon_std_7,radon_std_8,radon_std_9,radon_std_10,radon_std_11,radon_std_12,"
                + "radon_std_13,radon_std_14,radon_std_15,radon_std_16,radon_std_17,radon_std_18,radon_std_19,"
                + "radon_std_20,geom_area,geom_perimeter,geom_major_axis,geom_minor_axis,geom_eccentricity,"
                + "geom_solidity", lines.get(0));
        assertEquals(31, lines.size());
        List<WaferMap> maps = WaferPickleReader.read(SAMPLE).maps();
        for (int i : new int[] {0, 17, 29}) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(String.valueOf(i), f[0]);
            assertEquals(maps.get(i).label(), f[1]);
            double[] expected = WaferFeatures.of(maps.get(i));
            assertEquals(61, f.length);
            for (int k = 0; k < WaferFeatures.COUNT; k++) {
                assertEquals(expected[k], Double.parseDouble(f[k + 2]), 0.0);
            }
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path csv = Files.writeString(tmp.resolve("f.csv"), "keep");
        String[] r = run("wafer", "features", "--data", SAMPLE.toString(), "--out", csv.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: " + csv), r[2]);
        assertEquals("keep", Files.readString(csv));
    }

    @Test
    void mapsWithASideUnderFiveAreNaNAndCounted() throws Exception {
        WaferMap tiny = new WaferMap(new byte[] {1, 2, 2, 1, 0, 2, 1, 1}, 4, 2, "Loc", WaferSplit.TRAINING, 8,
                "lot", 1);
        WaferMap square = new WaferMap(new byte[25], 5, 5, null, WaferSplit.NONE, 25, "lot", 2);
        assertTrue(Arrays.stream(WaferFeatures.of(tiny)).allMatch(Double::isNaN));
        StringWriter text = new StringWriter();
        FeatureCsv csv = new FeatureCsv(text);
        List<WaferMap> maps = List.of(tiny, square);
        csv.write(maps, 0, FeatureExtractor.all(maps));
        assertEquals(1, csv.undefinedCount());
        String[] lines = text.toString().split("\n");
        assertTrue(lines[1].startsWith("0,Loc,NaN,NaN,"), lines[1]);
        assertTrue(lines[2].startsWith("1,,0.0,"), lines[2]);
        // a map without a failing die: the whole grid is the region (area 1, solidity 1)
        double[] f = WaferFeatures.of(square);
        assertEquals(1.0, f[WaferFeatures.GEOMETRY], 0.0);
        assertEquals(1.0, f[WaferFeatures.GEOMETRY + 5], 0.0);
    }
}
