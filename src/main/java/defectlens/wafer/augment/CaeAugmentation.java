package defectlens.wafer.augment;

import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferSplit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * CAE augmentation of the stacking-ensemble paper: for every labelled class but {@value #NEVER_AUGMENTED},
 * {@code round(ratio * n)} new maps of that class (n = its source maps), so the ratios between the augmented classes
 * stay as they were. A new map is made from a source map (the class's maps in a seeded shuffled order, round and
 * round): its 32 x 32 coding is encoded, Gaussian noise with standard deviation {@value #NOISE} times the standard
 * deviation of that map's latent code (over all its 64 x 8 x 8 values) is added to every latent value, the code is
 * decoded and quantised back to die states within the source's footprint ({@link DieStateCoding}). It is kept only
 * if the SSIM ({@link StructuralSimilarity}, die states 0/1/2, data range 2) between the source's and the new 32 x 32
 * map is at least the threshold (0.9 in the paper); a kept map is written back at the source's size and footprint
 * ({@link DieStateCoding#atSourceSize}). At most {@value #ATTEMPTS_PER_MAP} attempts per map aimed for.
 */
public final class CaeAugmentation {
    /** The SSIM a generated map needs in the paper. */
    public static final double MIN_SSIM = 0.9;
    /** Latent noise as a share of the latent code's standard deviation. */
    public static final double NOISE = 0.1;
    /** Attempts per map aimed for before a class is left short. */
    public static final int ATTEMPTS_PER_MAP = 5;
    /** The class the paper never augments. */
    public static final String NEVER_AUGMENTED = "none";
    /** The lot name of generated maps. */
    public static final String LOT = "cae-augmented";
    private static final int BATCH = 256;
    private static final double DATA_RANGE = 2;

    private CaeAugmentation() {
    }

    /**
     * Generated maps and the report.
     *
     * @param maps the generated maps, class by class; each map's wafer index is the position of its source in the
     *        list given to {@link #run}, its split {@code Training}, its lot {@value #LOT}
     */
    public record Result(List<WaferMap> maps, AugmentationReport report) {
    }

    /**
     * Augments the labelled maps among {@code sources} (unlabelled ones are neither sources nor counted).
     *
     * @param ratio generated maps per source map, in (0, 10]
     */
    public static Result run(LatentCodec cae, List<WaferMap> sources, double ratio, double minSsim, long seed,
            Progress progress) {
        if (!(ratio > 0 && ratio <= 10)) {
            throw new IllegalArgumentException("the ratio must be above 0 and at most 10, not " + ratio);
        }
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < sources.size(); i++) {
            WaferMap m = sources.get(i);
            if (m.isLabelled()) {
                byClass.computeIfAbsent(m.label(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            int target = NEVER_AUGMENTED.equals(e.getKey()) ? 0 : (int) Math.round(ratio * e.getValue().size());
            targets.put(e.getKey(), target);
            total += target;
        }
        Random random = new Random(seed);
        List<WaferMap> out = new ArrayList<>();
        Map<String, AugmentationReport.ClassCounts> counts = new LinkedHashMap<>();
        long done = 0;
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            List<Integer> members = new ArrayList<>(e.getValue());
            Collections.shuffle(members, random);
            int target = targets.get(e.getKey());
            ClassRun run = new ClassRun(target);
            for (int attempt = 0; run.kept.size() < target && attempt < ATTEMPTS_PER_MAP * target; ) {
                progress.throwIfCancelled("augmenting " + e.getKey());
                int size = Math.min(BATCH, ATTEMPTS_PER_MAP * target - attempt);
                List<Integer> batch = new ArrayList<>(size);
                for (int k = 0; k < size; k++) {
                    batch.add(members.get((attempt + k) % members.size()));
                }
                attempt += size;
                generate(cae, sources, batch, minSsim, random, run);
                progress.update(done + Math.min(run.kept.size(), target), Math.max(1, total), null);
            }
            done += target;
            out.addAll(run.kept);
            counts.put(e.getKey(), new AugmentationReport.ClassCounts(members.size(), target, run.kept.size(),
                    run.rejected, run.kept.isEmpty() ? Double.NaN : run.ssimSum / run.kept.size()));
        }
        progress.update(1.0, null);
        return new Result(out, new AugmentationReport(ratio, minSsim, counts));
    }

    /** Generated maps kept and rejected so far for one class. */
    private static final class ClassRun {
        final int target;
        final List<WaferMap> kept = new ArrayList<>();
        int rejected;
        double ssimSum;

        ClassRun(int target) {
            this.target = target;
        }
    }

    private static void generate(LatentCodec cae, List<WaferMap> sources, List<Integer> batch, double minSsim,
            Random random, ClassRun run) {
        int n = batch.size();
        byte[][] resized = new byte[n][];
        float[][] coded = new float[n][];
        for (int k = 0; k < n; k++) {
            resized[k] = DieStateCoding.resized(sources.get(batch.get(k)));
            coded[k] = DieStateCoding.encode(resized[k]);
        }
        float[][] latent = cae.encode(coded);
        for (float[] z : latent) {
            addNoise(z, random);
        }
        float[][] decoded = cae.decode(latent);
        int side = DieStateCoding.SIZE;
        for (int k = 0; k < n && run.kept.size() < run.target; k++) {
            byte[] generated = DieStateCoding.quantise(decoded[k], resized[k]);
            double ssim = StructuralSimilarity.mean(DieStateCoding.asDoubles(resized[k]),
                    DieStateCoding.asDoubles(generated), side, side, DATA_RANGE);
            if (ssim >= minSsim) {
                WaferMap source = sources.get(batch.get(k));
                run.kept.add(new WaferMap(DieStateCoding.atSourceSize(generated, source), source.rows(),
                        source.cols(), source.label(), WaferSplit.TRAINING, source.dieSize(), LOT, batch.get(k)));
                run.ssimSum += ssim;
            } else {
                run.rejected++;
            }
        }
    }

    /** Adds Gaussian noise of {@value #NOISE} times the code's own standard deviation to every value. */
    static void addNoise(float[] z, Random random) {
        double mean = 0;
        for (float v : z) {
            mean += v;
        }
        mean /= z.length;
        double var = 0;
        for (float v : z) {
            var += (v - mean) * (v - mean);
        }
        double sigma = NOISE * Math.sqrt(var / z.length);
        for (int i = 0; i < z.length; i++) {
            z[i] += (float) (sigma * random.nextGaussian());
        }
    }
}
