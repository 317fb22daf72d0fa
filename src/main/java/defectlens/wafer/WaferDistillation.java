package defectlens.wafer;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.model.FileDigest;
import defectlens.model.ManifestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Knowledge distillation of a wafer model (the teacher, e.g. the symmetry-averaged ensemble
 * {@code wafer-proposed-paper7}) into a narrower network (the student, {@link WaferWidths#STUDENT}).
 * The soft target of a training map is the teacher's class distribution averaged over the map's eight turns
 * and mirror images and over its networks: the same for the map and every rotated / flipped copy of it, so
 * one teacher pass per map serves every augmented view. The student learns the cross-entropy to
 * {@code hardWeight * onehot(label) + (1 - hardWeight) * teacher} (temperature 1): the loss is linear in the
 * target, so this is the hard-label loss and the soft-target loss mixed with the same weights.
 *
 * @param teacher the teacher model (the caller closes it)
 * @param facts what the student's provenance records of the teacher ({@link #teacherFacts})
 * @param hardWeight share of the hard label in the target, in [0, 1]
 */
public record WaferDistillation(WaferModel teacher, Map<String, Object> facts, double hardWeight) {
    /** Maps per teacher call while making targets (progress is reported between calls). */
    private static final int CHUNK = 256;

    public WaferDistillation {
        Objects.requireNonNull(teacher, "teacher");
        if (!(hardWeight >= 0 && hardWeight <= 1)) {
            throw new IllegalArgumentException("the hard-label weight must be in [0, 1]: " + hardWeight);
        }
        facts = new LinkedHashMap<>(facts);
    }

    /**
     * The targets of {@code maps}: the teacher's symmetry-averaged probabilities mixed with the one-hot labels.
     * Rows are independent of how the maps are batched and ordered (inference mode, no randomness). Checks the
     * cancellation between chunks of maps and then fails (no model is trained).
     */
    public float[][] targets(LabelledMaps maps, Progress progress) {
        int n = maps.size();
        int classes = teacher.classes().size();
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += CHUNK) {
            if (progress.isCancelled()) {
                throw new DefectLensException("cancelled while the teacher made the soft targets (nothing trained)");
            }
            progress.update(start, n, "teacher targets");
            int end = Math.min(n, start + CHUNK);
            float[][] p = teacher.predict(java.util.Arrays.copyOfRange(maps.maps(), start, end), true);
            for (int i = start; i < end; i++) {
                out[i] = mix(p[i - start], maps.labels()[i], classes);
            }
        }
        progress.update(n, n, "teacher targets");
        return out;
    }

    private float[] mix(float[] teacherRow, int label, int classes) {
        float[] row = new float[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += teacherRow[c];
        }
        for (int c = 0; c < classes; c++) {
            row[c] = (float) ((1 - hardWeight) * teacherRow[c] / sum + (c == label ? hardWeight : 0));
        }
        return row;
    }

    /** What the student's {@code model.json} records of the distillation. */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("teacher", facts);
        m.put("targets", "teacher class probabilities averaged over its networks and the 8 turns / flips of each "
                + "training map (the same for every rotated or flipped copy of the map)");
        m.put("loss", "softmax cross-entropy to hardWeight * onehot(label) + (1 - hardWeight) * teacher, "
                + "temperature 1");
        m.put("hardWeight", hardWeight);
        return m;
    }

    /**
     * The name of a teacher bundle (its folder name) and the SHA-256 of its {@code model.json} and weight
     * files, by file name: never a path of this machine.
     */
    public static Map<String, Object> teacherFacts(Path bundle, WaferModel teacher) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Path name = bundle.toAbsolutePath().normalize().getFileName();
        facts.put("name", name == null ? "" : name.toString());
        facts.put("variant", teacher.variant().id());
        facts.put("networks", teacher.networkCount());
        facts.put("averageOverSymmetries", true);
        Map<String, Object> sha = new LinkedHashMap<>();
        List<String> files = new java.util.ArrayList<>(List.of(ManifestFile.NAME, WaferModelBundle.WEIGHTS));
        for (int k = 2; k <= teacher.networkCount(); k++) {
            files.add("member-" + k + ".params");
        }
        for (String file : files) {
            Path p = bundle.resolve(file);
            try {
                if (Files.isRegularFile(p)) {
                    sha.put(file, FileDigest.sha256(p));
                }
            } catch (IOException e) {
                throw new DefectLensException(p, "cannot read: " + e.getMessage(), e);
            }
        }
        facts.put("sha256", sha);
        return facts;
    }

    /**
     * Refuses a teacher that cannot teach this run: other classes, or trained on the same data file with
     * another held-out split (its training maps could then be the student's test maps).
     */
    public static void checkTeacher(Path bundle, WaferModel teacher, List<String> classes, Map<String, Object> data,
            double testFraction, long testSeed) {
        if (!teacher.classes().equals(classes)) {
            throw new DefectLensException(bundle, "the teacher classifies " + teacher.classes() + ", the student "
                    + classes);
        }
        Map<String, Object> p = teacher.provenance();
        if (p.get("data") instanceof Map<?, ?> td && Objects.equals(td.get("sha256"), data.get("sha256"))
                && p.get("split") instanceof Map<?, ?> split) {
            Object f = split.get("testFraction");
            Object s = split.get("testSeed");
            boolean same = f instanceof Number nf && nf.doubleValue() == testFraction
                    && s instanceof Number ns && ns.longValue() == testSeed;
            if (!same) {
                throw new DefectLensException(bundle, "the teacher held out test fraction " + f + " seed " + s
                        + " of this data file, the student " + testFraction + " seed " + testSeed
                        + ": its training maps would be in the student's test set");
            }
        }
    }
}
