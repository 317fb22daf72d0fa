package defectlens.wafer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the wafer tests find the real WM-811K samples of the repository, the committed fixtures and their golden numbers. */
final class WaferTestFiles {
    private WaferTestFiles() {
    }

    /** The 2,264-map class-stratified subset of real WM-811K maps shipped in {@code datasets/wm811k}. */
    static Path subset() {
        return Paths.get("datasets", "wm811k", "wm811k_subset.pkl");
    }

    /** The 200-map Kaggle-layout sample shipped in {@code datasets/wm811k} (numpy 2.x module paths). */
    static Path sample() {
        return Paths.get("datasets", "wm811k", "LSWMD_sample.pkl");
    }

    /** The same 200 maps with an extra string column and numpy 1.x module paths (a test fixture). */
    static Path extraColumnSample() {
        return fixture("LSWMD_sample_extra_column.pkl");
    }

    /** A fixture under {@code src/test/resources/wafer}. */
    static Path fixture(String name) {
        try {
            return Paths.get(WaferTestFiles.class.getResource("/wafer/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** The golden numbers make_fixtures.py read with pandas, for one file. */
    static JsonNode golden(String file) {
        try (InputStream in = WaferTestFiles.class.getResourceAsStream("/wafer/golden.json")) {
            return new ObjectMapper().readTree(in).get(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
