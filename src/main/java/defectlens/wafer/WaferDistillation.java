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
 * one teacher pass per map serves every augmented view. (A teacher set to a single pass,
 * {@link WaferModel#setAverageOverSymmetries}, gives its networks' probabilities of the map as it is: 8 times
 * cheaper to make.) At temperature 1 the student learns the cross-entropy to
 * {@code hardWeight * onehot(label) + (1 - hardWeight) * teacher}: the loss is linear in the target, so this is
 * the hard-label loss and the soft-target loss mixed with the same weights. At another temperature {@code T} the
 * teacher's distribution is softened ({@code softmax(log p / T)}) and the student's logits are divided by
 * {@code T} in the soft term ({@link TemperedDistillationLoss}), which brings out how the teacher ranks the
 * classes it does not choose.
 *
 * @param teacher the teacher model (the caller closes it)
 * @param facts what the student's provenance records of the teacher ({@link #teacherFacts})
 * @param hardWeight share of the hard label in the target, in [0, 1]
 * @param temperature softening of the teacher's distribution and the student's soft term, positive
 */
public record WaferDistillation(WaferModel teacher, Map<String, Object> facts, double hardWeight,
        double temperature) {
    /** Maps per teacher call while making targets (progress is reported between calls). */
    private static final int CHUNK = 256;
    /** The largest temperature accepted (beyond it every teacher distribution is nearly uniform). */
    public static final double MAX_TEMPERATURE = 100;

    public WaferDistillation {
        Objects.requireNonNull(teacher, "teacher");
        if (!(hardWeight >= 0 && hardWeight <= 1)) {
            throw new IllegalArgumentException("the hard-label weight must be in [0, 1]: " + hardWeight);
        }
        if (!(temperature > 0 && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("the temperature must be in (0, " + MAX_TEMPERATURE + "]: "
                    + temperature);
        }
        facts = new LinkedHashMap<>(facts);
    }

    /** Distillation at temperature 1. */
    public WaferDistillation(WaferModel teacher, Map<String, Object> facts, double hardWeight) {
        this(teacher, facts, hardWeight, 1);
    }

    /**
     * The targets of {@code maps}: at temperature 1 the teacher's symmetry-averaged probabilities mixed with the
     * one-hot labels (one row of the classes per map); at another temperature the two weighted halves side by
     * side, {@code [hardWeight * onehot, (1 - hardWeight) * softmax(log p / T)]}, for
     * {@link TemperedDistillationLoss}. Rows are independent of how the maps are batched and ordered (inference
     * mode, no randomness). Checks the cancellation between chunks of maps and then fails (no model is trained).
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
            float[][] p = teacher.predict(java.util.Arrays.copyOfRange(maps.maps(), start, end),
                    teacher.averageOverSymmetries());
            for (int i = start; i < end; i++) {
                out[i] = mix(p[i - start], maps.labels()[i], classes);
            }
        }
        progress.update(n, n, "teacher targets");
        return out;
    }

    private float[] mix(float[] teacherRow, int label, int classes) {
        boolean tempered = temperature != 1;
        double[] soft = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            soft[c] = tempered ? Math.pow(teacherRow[c], 1 / temperature) : teacherRow[c];
            sum += soft[c];
        }
        float[] row = new float[tempered ? 2 * classes : classes];
        for (int c = 0; c < classes; c++) {
            double hard = c == label ? hardWeight : 0;
            double teacherShare = (1 - hardWeight) * soft[c] / sum;
            if (tempered) {
                row[c] = (float) hard;
                row[classes + c] = (float) teacherShare;
            } else {
                row[c] = (float) (teacherShare + hard);
            }
        }
        return row;
    }

    /** The soft targets of a training and a validation set, with this distillation's temperature. */
    public WaferTrainer.SoftTargets softTargets(LabelledMaps train, LabelledMaps validation, Progress progress) {
        return new WaferTrainer.SoftTargets(targets(train, progress), targets(validation, progress), temperature);
    }

    /** What the student's {@code model.json} records of the distillation. */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("teacher", facts);
        m.put("targets", teacher.averageOverSymmetries()
                ? "teacher class probabilities averaged over its networks and the 8 turns / flips of each "
                        + "training map (the same for every rotated or flipped copy of the map)"
                : "teacher class probabilities averaged over its networks, one pass of each training map as it is "
                        + "(the same for every rotated or flipped copy of the map)");
        m.put("loss", temperature == 1
                ? "softmax cross-entropy to hardWeight * onehot(label) + (1 - hardWeight) * teacher, temperature 1"
                : "hardWeight * cross-entropy(onehot(label), softmax(z)) + (1 - hardWeight) * T^2 * "
                        + "cross-entropy(softmax(log teacher / T), softmax(z / T)), T = temperature");
        m.put("hardWeight", hardWeight);
        m.put("temperature", temperature);
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
        facts.put("averageOverSymmetries", teacher.averageOverSymmetries());
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
