package defectlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules a bundle's {@code model.json} must keep before anything is allocated or loaded, shared by
 * the SEM bundle reader ({@link ModelBundle}) and the wafer bundle reader: input sizes positive and at
 * most {@value #MAX_SIDE} per side, 1 or 3 channels, finite means, finite standard deviations above
 * zero, class names present, non-empty and unique, weight files present inside the bundle folder, a
 * known architecture. A broken rule ends in one {@link DefectLensException} naming model.json, the key
 * and the rule.
 */
public final class ManifestRules {
    /** The largest input side a bundle may ask for (a 4096 x 4096 x 3 float input is 200 MB). */
    public static final int MAX_SIDE = 4096;

    private final Path bundle;
    private final Path manifest;

    /** Rules for the manifest file {@code manifest} of the bundle folder {@code bundle}. */
    public ManifestRules(Path bundle, Path manifest) {
        this.bundle = bundle;
        this.manifest = manifest;
    }

    private DefectLensException broken(String key, String rule, JsonNode found) {
        String shown = found == null || found.isMissingNode() ? "missing" : "found " + abbreviate(found.toString());
        return new DefectLensException(manifest, key + " " + rule + " (" + shown + ")");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** {@code key} must be a text accepted by {@code known}, described by {@code knownNames}. */
    public String architecture(JsonNode root, String key, Predicate<String> known, String knownNames) {
        JsonNode a = at(root, key);
        if (!a.isTextual() || !known.test(a.asText())) {
            throw broken(key, "must be a known architecture: " + knownNames, a);
        }
        return a.asText();
    }

    /** {@code key} must be a list of at least {@code min} non-empty, distinct class names. */
    public List<String> classNames(JsonNode root, String key, int min) {
        JsonNode list = at(root, key);
        if (!list.isArray() || list.size() < min) {
            throw broken(key, "must be a list of at least " + min + " class name(s)", list);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String k = key + "[" + i + "]";
            if (!c.isTextual() || c.asText().isBlank()) {
                throw broken(k, "must be a non-empty class name", c);
            }
            if (!seen.add(c.asText())) {
                throw broken(k, "must be unique: class names may not repeat", c);
            }
            names.add(c.asText());
        }
        return names;
    }

    /** {@code key} must be a whole number in {@code 1..max}. */
    public int positive(JsonNode root, String key, int max) {
        JsonNode n = at(root, key);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > max) {
            throw broken(key, "must be a whole number from 1 to " + max, n);
        }
        return n.asInt();
    }

    /**
     * The input object {@code key}: channels 1 or {@code maxChannels}, height and width 1..{@value #MAX_SIDE}, and
     * when {@code normalised} one finite {@code mean} and one finite, positive {@code std} per channel.
     */
    public void input(JsonNode root, String key, boolean normalised) {
        JsonNode in = at(root, key);
        if (!in.isObject()) {
            throw broken(key, "must be an object {channels, height, width" + (normalised ? ", mean, std}" : "}"), in);
        }
        JsonNode ch = in.path("channels");
        if (!ch.isIntegralNumber() || (ch.asInt() != 1 && ch.asInt() != 3)) {
            throw broken(key + ".channels", "must be 1 or 3", ch);
        }
        positive(root, key + ".height", MAX_SIDE);
        positive(root, key + ".width", MAX_SIDE);
        if (normalised) {
            numbers(root, key + ".mean", ch.asInt(), false);
            numbers(root, key + ".std", ch.asInt(), true);
        }
    }

    private void numbers(JsonNode root, String key, int count, boolean positive) {
        JsonNode list = at(root, key);
        if (!list.isArray() || list.size() != count) {
            throw broken(key, "must be a list of " + count + " number(s), one per channel", list);
        }
        for (int i = 0; i < count; i++) {
            JsonNode v = list.get(i);
            double d = v.asDouble();
            if (!v.isNumber() || !Double.isFinite(d) || !Float.isFinite((float) d) || (positive && !(d > 0))) {
                throw broken(key + "[" + i + "]",
                        positive ? "must be a finite number above 0" : "must be a finite number", v);
            }
        }
    }

    /** The weight files named by {@code key} (one name or a list): each a present file inside the bundle folder. */
    public List<Path> weightFiles(JsonNode root, String key) {
        JsonNode w = at(root, key);
        List<JsonNode> names = new ArrayList<>();
        if (w.isArray()) {
            w.forEach(names::add);
        } else {
            names.add(w);
        }
        if (names.isEmpty()) {
            throw broken(key, "must name at least one weight file", w);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            files.add(weightFile(names.get(i), w.isArray() ? key + "[" + i + "]" : key));
        }
        return files;
    }

    private Path weightFile(JsonNode name, String key) {
        if (!name.isTextual() || name.asText().isBlank()) {
            throw broken(key, "must be a weight file name", name);
        }
        Path rel;
        try {
            rel = Path.of(name.asText()).normalize();
        } catch (InvalidPathException e) {
            throw broken(key, "must be a valid file name", name);
        }
        if (rel.isAbsolute() || rel.startsWith("..")) {
            throw broken(key, "must name a file inside the bundle folder", name);
        }
        Path file = bundle.resolve(rel);
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "weights file is missing (named by " + key + " in " + manifest + ")");
        }
        try {
            if (!file.toRealPath().startsWith(bundle.toRealPath())) {
                throw broken(key, "must name a file inside the bundle folder (it links outside)", name);
            }
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the weights file: " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The optional sliding window {@code key} of a model trained on crops: frame 1..{@value #MAX_SIDE}, window equal
     * to the square input {@code inputKey}, not larger than the frame, stride 1..window, a known aggregation rule.
     */
    public void slidingWindow(JsonNode root, String key, String inputKey) {
        JsonNode w = at(root, key);
        if (w.isMissingNode() || w.isNull()) {
            return;
        }
        if (!w.isObject()) {
            throw broken(key, "must be an object {frame, window, stride, background, aggregation}", w);
        }
        int frame = positive(root, key + ".frame", MAX_SIDE);
        int window = positive(root, key + ".window", frame);
        positive(root, key + ".stride", window);
        JsonNode side = at(root, inputKey + ".height");
        if (side.asInt() != window || at(root, inputKey + ".width").asInt() != window) {
            throw broken(key + ".window", "must equal the input's height and width", at(root, key + ".window"));
        }
        JsonNode rule = at(root, key + ".aggregation");
        if (!SlidingWindow.DEFECT_MAX.equals(rule.asText(null))) {
            throw broken(key + ".aggregation", "must be " + SlidingWindow.DEFECT_MAX, rule);
        }
    }

    /** The node at a dotted key ({@code input.height}) below {@code root}; a missing node when absent. */
    private static JsonNode at(JsonNode root, String key) {
        JsonNode n = root;
        for (String part : key.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }
}
