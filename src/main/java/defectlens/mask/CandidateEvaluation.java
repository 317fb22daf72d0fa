package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.explain.metrics.MaskAgreement;
import defectlens.explain.metrics.MetricSummary;
import defectlens.explain.metrics.PixelAgreement;
import defectlens.image.BinaryMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Measures candidate masks against the masks a data set already has, pixel by pixel with the explanation metrics'
 * {@link PixelAgreement} (an empty candidate on an empty mask scores IoU and Dice 1): IoU, Dice, precision and
 * recall per image, summarised per class, over all images and over the defect classes (every class but
 * Carinthia's {@code no_defect}, as the mean of the class means). Candidates come from a data set made by
 * {@link MaskSuggestion} (matched by image file, then by id) or from a folder of {@code ID.png} files.
 */
public final class CandidateEvaluation {
    /** The metrics reported, in order. */
    public static final List<String> METRICS = List.of("iou", "dice", "precision", "recall");

    private final Map<Path, Path> byImage = new HashMap<>();
    private final Map<String, Path> byId = new HashMap<>();
    private final Path candidates;

    /** One class's (or a group's) summary: images and mean/sd of each metric. */
    public record Summary(int images, Map<String, MetricSummary> metrics) {
    }

    /** The whole report. */
    public record Report(int images, Map<String, Summary> classes, Summary overall, Map<String, Double> defectClasses) {
    }

    /** Candidates found in {@code candidates}: a suggested data set, its {@code data/masks} or a folder of PNGs. */
    public CandidateEvaluation(Path candidates) {
        this.candidates = candidates;
        if (!Files.isDirectory(candidates)) {
            throw new DefectLensException(candidates, "not a folder of candidate masks");
        }
        Optional<SemDataset> set = candidateSet(candidates);
        if (set.isPresent()) {
            for (SemSample s : set.get().samples()) {
                if (s.mask() != null) {
                    byImage.put(s.image(), s.mask());
                    byId.putIfAbsent(s.id(), s.mask());
                }
            }
        } else {
            Path folder = Files.isDirectory(candidates.resolve("masks")) ? candidates.resolve("masks") : candidates;
            try (var files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                        .forEach(f -> {
                            String n = f.getFileName().toString();
                            byId.put(n.substring(0, n.length() - 4), f);
                        });
            } catch (IOException e) {
                throw new DefectLensException(folder, "cannot list the folder: " + e.getMessage(), e);
            }
        }
        if (byImage.isEmpty() && byId.isEmpty()) {
            throw new DefectLensException(candidates, "holds no candidate masks (ID.png files or a data set made by "
                    + "mask suggest)");
        }
    }

    /**
     * The report over every image of {@code truth} that has a mask; an image whose mask or candidate is missing,
     * unreadable or of another size goes to {@code onSkip}.
     */
    public Report evaluate(SemDataset truth, Progress progress, BiConsumer<SemSample, DefectLensException> onSkip) {
        Map<String, List<PixelAgreement>> perClass = new LinkedHashMap<>();
        List<PixelAgreement> all = new ArrayList<>();
        List<SemSample> samples = truth.samples().stream().filter(s -> s.mask() != null).toList();
        if (samples.isEmpty()) {
            throw new DefectLensException(truth.root(), "no image of this data set has a mask to compare with");
        }
        for (int i = 0; i < samples.size(); i++) {
            progress.throwIfCancelled("mask evaluate");
            SemSample s = samples.get(i);
            try {
                PixelAgreement a = agreement(s);
                all.add(a);
                perClass.computeIfAbsent(s.label() == null ? "unlabelled" : s.label(), k -> new ArrayList<>()).add(a);
            } catch (DefectLensException e) {
                onSkip.accept(s, e);
            }
            progress.update(i + 1, samples.size(), s.id());
        }
        if (all.isEmpty()) {
            throw new DefectLensException(candidates, "none of the " + samples.size() + " masks could be compared");
        }
        Map<String, Summary> classes = new LinkedHashMap<>();
        for (String c : truth.classes()) {
            if (perClass.containsKey(c)) {
                classes.put(c, summary(perClass.get(c)));
            }
        }
        perClass.forEach((c, list) -> classes.putIfAbsent(c, summary(list)));
        Map<String, Double> defect = new LinkedHashMap<>();
        for (String m : METRICS) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<String, Summary> e : classes.entrySet()) {
                if (!e.getKey().equals(CarinthiaClass.NO_DEFECT.displayName())) {
                    sum += e.getValue().metrics().get(m).mean();
                    n++;
                }
            }
            defect.put(m, n == 0 ? Double.NaN : sum / n);
        }
        return new Report(all.size(), classes, summary(all), defect);
    }

    private PixelAgreement agreement(SemSample s) {
        Path file = byImage.get(s.image());
        if (file == null) {
            file = byId.get(s.id());
        }
        if (file == null) {
            throw new DefectLensException(candidates, "has no candidate for " + s.id());
        }
        BinaryMask truth = BinaryMask.read(s.mask());
        BinaryMask candidate = BinaryMask.read(file);
        if (candidate.width() != truth.width() || candidate.height() != truth.height()) {
            throw new DefectLensException(file, "the candidate is " + candidate.width() + "x" + candidate.height()
                    + ", the mask " + truth.width() + "x" + truth.height());
        }
        float[] map = new float[truth.width() * truth.height()];
        for (int y = 0; y < truth.height(); y++) {
            for (int x = 0; x < truth.width(); x++) {
                map[y * truth.width() + x] = candidate.get(x, y) ? 1f : 0f;
            }
        }
        return MaskAgreement.of(map, truth, 0.5);
    }

    private static Summary summary(List<PixelAgreement> list) {
        Map<String, MetricSummary> m = new LinkedHashMap<>();
        m.put("iou", MetricSummary.of(list.stream().map(PixelAgreement::iou).toList()));
        m.put("dice", MetricSummary.of(list.stream().map(PixelAgreement::dice).toList()));
        m.put("precision", MetricSummary.of(list.stream().map(PixelAgreement::precision).toList()));
        m.put("recall", MetricSummary.of(list.stream().map(PixelAgreement::recall).toList()));
        return new Summary(list.size(), m);
    }

    private static Optional<SemDataset> candidateSet(Path folder) {
        for (Path csv : List.of(folder.resolve("data").resolve("carinthia-s.csv"), folder.resolve("carinthia-s.csv"))) {
            if (Files.exists(csv, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(DatasetOpener.open(folder));
            }
        }
        return Optional.empty();
    }
}
