package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defectlens.core.DefectLensException;
import defectlens.wafer.WaferModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.json is checked before anything is allocated: one error naming the file, the key and the rule. */
class BundleValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A copy of a shipped bundle's model.json with an edit, beside an (empty) weights file of the same name. */
    private Path bundle(String shipped, String weights, Consumer<ObjectNode> edit) throws Exception {
        Path dir = tmp.resolve("bundle");
        Files.createDirectories(dir);
        ObjectNode root = (ObjectNode) JSON.readTree(Path.of("models", shipped, "model.json").toFile());
        edit.accept(root);
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(root));
        Files.write(dir.resolve(weights), new byte[0]);
        return dir;
    }

    private String semError(Consumer<ObjectNode> edit) throws Exception {
        Path dir = bundle("sem-demo", "weights.params", edit);
        DefectLensException e = assertThrows(DefectLensException.class, () -> ModelBundle.readManifest(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("model.json").toString())
                || e.getMessage().contains("weights"), e.getMessage());
        return e.getMessage();
    }

    private String waferError(Consumer<ObjectNode> edit) throws Exception {
        Path dir = bundle("wafer-baseline-paper7", "model.params", edit);
        return assertThrows(DefectLensException.class, () -> WaferModelBundle.load(dir)).getMessage();
    }

    private static ObjectNode input(ObjectNode root) {
        return (ObjectNode) root.get("input");
    }

    @Test
    void theShippedManifestIsValid() {
        ModelManifest m = ModelBundle.readManifest(Path.of("models", "sem-demo"));
        assertEquals(6, m.classes().size());
    }

    @Test
    void inputSizesMustBePositiveAndSane() throws Exception {
        String big = semError(r -> input(r).put("height", 100000));
        assertTrue(big.contains("input.height") && big.contains("1 to 4096") && big.contains("100000"), big);
        assertTrue(semError(r -> input(r).put("width", -1)).contains("input.width"));
        assertTrue(semError(r -> input(r).put("height", 0)).contains("input.height"));
        assertTrue(semError(r -> input(r).put("channels", 2)).contains("input.channels must be 1 or 3"));
    }

    @Test
    void normalisationMustBeFiniteWithPositiveStd() throws Exception {
        String std = semError(r -> input(r).putArray("std").add(0.0));
        assertTrue(std.contains("input.std[0]") && std.contains("above 0"), std);
        assertTrue(semError(r -> input(r).remove("mean")).contains("input.mean"));
        assertTrue(semError(r -> input(r).putArray("mean").add(1e300)).contains("input.mean[0]"));
        assertTrue(semError(r -> input(r).putArray("std").add(0.5).add(0.5)).contains("one per channel"));
    }

    @Test
    void classNamesMustBePresentNonEmptyAndUnique() throws Exception {
        assertTrue(semError(r -> r.putArray("classes").add("a").add("a")).contains("classes[1] must be unique"));
        assertTrue(semError(r -> r.putArray("classes").add("a").addNull()).contains("classes[1]"));
        assertTrue(semError(r -> r.putArray("classes").add("a").add(" ")).contains("non-empty"));
        assertTrue(semError(r -> r.remove("classes")).contains("classes must be a list"));
    }

    @Test
    void weightsMustBePresentInsideTheBundle() throws Exception {
        assertTrue(semError(r -> r.putArray("weights").add("../outside.params")).contains("inside the bundle folder"));
        assertTrue(semError(r -> r.putArray("weights").add("/etc/passwd")).contains("inside the bundle folder"));
        assertTrue(semError(r -> r.putArray("weights").add("other.params")).contains("weights file is missing"));
        assertTrue(semError(r -> r.put("architecture", "resnet-9000")).contains("known architecture"));
    }

    @Test
    void theWaferReaderKeepsTheSameRules() throws Exception {
        assertTrue(waferError(r -> r.putArray("classes").add("Center").add("Center")).contains("must be unique"));
        assertTrue(waferError(r -> r.putArray("classes").add("Center").addNull()).contains("classes[1]"));
        assertTrue(waferError(r -> r.put("weights", "../model.params")).contains("inside the bundle folder"));
        assertTrue(waferError(r -> input(r).put("height", 100000)).contains("input.height"));
        assertTrue(waferError(r -> r.put("angles", -3)).contains("angles"));
        assertTrue(waferError(r -> r.put("weights", "gone.params")).contains("missing"));
    }
}
