package defectlens.wafer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the wafer tests find the shared WM-811K samples, the committed fixtures and their golden numbers. */
final class WaferTestFiles {
    private WaferTestFiles() {
    }

    /** A file of the shared WM-811K samples ({@code ${defectlens.shared}/data/wm811k}, else {@code ../shared}). */
    static Path shared(String name) {
        String root = System.getProperty("defectlens.shared", "../shared");
        return Paths.get(root, "data", "wm811k", name);
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
