package defectlens.wafer.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The SSIM port against scikit-image 0.19's {@code structural_similarity} (win_size 7, uniform window, the
 * given data_range): golden values made by {@code src/test/resources/wafer/ssim/make_ssim_golden.py}.
 */
class StructuralSimilarityTest {
    @Test
    void matchesScikitImageOnEveryGoldenCase() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/wafer/ssim/ssim_golden.json")) {
            root = new ObjectMapper().readTree(in);
        }
        assertEquals(11, root.get("cases").size());
        for (JsonNode c : root.get("cases")) {
            int rows = c.get("rows").asInt();
            int cols = c.get("cols").asInt();
            double ssim = StructuralSimilarity.mean(values(c.get("a")), values(c.get("b")), rows, cols,
                    c.get("dataRange").asDouble());
            assertEquals(c.get("ssim").asDouble(), ssim, 1e-12, c.get("name").asText());
        }
    }

    @Test
    void refusesImagesSmallerThanTheWindowAndMismatchedSizes() {
        assertThrows(IllegalArgumentException.class, () -> StructuralSimilarity.mean(new double[36], new double[36],
                6, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> StructuralSimilarity.mean(new double[49], new double[48],
                7, 7, 1));
        assertThrows(IllegalArgumentException.class, () -> StructuralSimilarity.mean(new double[49], new double[49],
                7, 7, 0));
    }

    private static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
