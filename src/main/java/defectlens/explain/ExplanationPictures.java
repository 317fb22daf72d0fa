package defectlens.explain;

import ai.djl.ndarray.NDManager;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.explain.craft.ConceptBankSupply;
import defectlens.explain.craft.CraftOptions;
import defectlens.image.ArgbImageWriter;
import defectlens.image.Colormap;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the explanation pictures of a batch of images for several methods, as a rating study shows them: each
 * image is classified once and every method explains that predicted class; the heatmap is blended over the image
 * in one colour map with one threshold and opacity for every method ({@link ExplanationPicture}), so colours mean
 * the same for all methods. CRAFT's concept banks for the classes it needs are loaded from the bank root or, when
 * allowed, fitted first (on the images {@link ClassImages} gives, else on the batch's images predicted as the
 * class) and saved there. Pictures already written are kept unless forced, so a cancelled or failed run resumes;
 * the work polls its {@link Progress} between steps and stops on cancel.
 */
public final class ExplanationPictures {
    /** The colour map of every study picture and of the legend beside it. */
    public static final Colormap COLORMAP = Colormap.JET;

    /** An image to explain: its id and its file. */
    private record Request(String id, Path image) {
    }

    /** Where the picture of a method's explanation of an image goes. */
    @FunctionalInterface
    public interface Destination {
        Path picture(String method, String imageId);
    }

    /** The images of a class a concept bank may be fitted on (e.g. a data set's images labelled with it). */
    @FunctionalInterface
    public interface ClassImages {
        List<Path> of(String className);
    }

    /**
     * How pictures are made: the bank root and whether missing banks are fitted, the CRAFT fit settings (images
     * per class, concepts, NMF iterations, Sobol designs), the heatmap threshold and opacity, and whether
     * existing pictures are made again.
     */
    public record Settings(Path banksRoot, boolean fitBanks, int fitImages, int concepts, int nmfIterations,
            int sobolDesigns, double threshold, double opacity, boolean force) {

        /** Fel et al.'s CRAFT settings with up to 16 images per class, threshold 0.2, opacity 0.5. */
        public static Settings defaults(Path banksRoot) {
            return new Settings(banksRoot, true, 16, 10, 500, 32, 0.2, 0.5, false);
        }

        public Settings withCraft(int images, int k, int iterations, int designs) {
            return new Settings(banksRoot, fitBanks, images, k, iterations, designs, threshold, opacity, force);
        }

        public Settings withFitBanks(boolean fit) {
            return new Settings(banksRoot, fit, fitImages, concepts, nmfIterations, sobolDesigns, threshold, opacity,
                    force);
        }

        public Settings withForce(boolean f) {
            return new Settings(banksRoot, fitBanks, fitImages, concepts, nmfIterations, sobolDesigns, threshold,
                    opacity, f);
        }

        CraftOptions craft(int patch) {
            CraftOptions d = CraftOptions.defaults(patch);
            return new CraftOptions(patch, d.strideFraction(), concepts, nmfIterations, d.seed(), sobolDesigns,
                    Math.min(fitImages, d.importanceImages()), d.batchSize(), d.policy());
        }
    }

    /** An image that could not be read, and why. */
    public record Skipped(String id, Path image, String problem) {
    }

    /**
     * What a run did: pictures written per method, pictures kept from an earlier run, degenerate maps (each
     * noted), unreadable images, the classes whose banks were fitted, and the class explained per image.
     */
    public record Result(Map<String, Integer> written, int kept, List<String> degenerate, List<Skipped> skipped,
            List<String> fittedBanks, Map<String, String> explainedClasses) {
    }

    private static final double PREDICTED_SHARE = 0.1;
    private static final double BANKS_SHARE = 0.5;

    private ExplanationPictures() {
    }

    /**
     * Computes the missing pictures of {@code methods} for {@code imageFiles} (image files by id, in the order
     * they are worked through; see the class comment).
     */
    public static Result compute(SplitClassifier model, String modelName, List<String> methods,
            Map<String, Path> imageFiles, Destination out, ClassImages classImages, Settings settings,
            Progress progress) {
        List<Request> images = imageFiles.entrySet().stream().map(e -> new Request(e.getKey(), e.getValue())).toList();
        Map<String, Integer> written = new LinkedHashMap<>();
        methods.forEach(m -> written.put(m, 0));
        int kept = 0;
        Map<Request, List<String>> pending = new LinkedHashMap<>();
        for (Request r : images) {
            List<String> missing = new ArrayList<>();
            for (String m : methods) {
                if (settings.force() || !Files.isRegularFile(out.picture(m, r.id()))) {
                    missing.add(m);
                } else {
                    kept++;
                }
            }
            if (!missing.isEmpty()) {
                pending.put(r, missing);
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        Map<String, Integer> predicted = new LinkedHashMap<>();
        Map<String, String> explained = new LinkedHashMap<>();
        int done = 0;
        for (Request r : pending.keySet()) {
            progress.throwIfCancelled("explanation pictures");
            Optional<ImageRaster> raster = read(r, skipped);
            if (raster.isPresent()) {
                int cls = predict(model, raster.get());
                predicted.put(r.id(), cls);
                explained.put(r.id(), model.classes().get(cls));
            }
            progress.range(0, PREDICTED_SHARE).update(++done, pending.size(), "classifying " + r.id());
        }
        ConceptBankSupply banks = new ConceptBankSupply(model, modelName, settings.banksRoot(), settings.fitBanks(),
                settings::craft);
        List<String> fitted = fitBanks(model, banks, pending, predicted, images, classImages, settings, progress);
        double from = fitted.isEmpty() ? PREDICTED_SHARE : BANKS_SHARE;
        Progress pictures = progress.range(from, 1);
        int total = pending.values().stream().mapToInt(List::size).sum();
        int made = 0;
        List<String> degenerate = new ArrayList<>();
        Map<String, Explainer> explainers = new LinkedHashMap<>();
        for (Map.Entry<Request, List<String>> e : pending.entrySet()) {
            Request r = e.getKey();
            Integer cls = predicted.get(r.id());
            if (cls == null) {
                continue;
            }
            ImageRaster raster = SemImageReader.read(r.image());
            for (String method : e.getValue()) {
                pictures.throwIfCancelled("explanation pictures");
                Explainer explainer = explainers.computeIfAbsent(method,
                        m -> m.equalsIgnoreCase("craft") ? banks.explainer() : Explainers.camByName(m));
                Heatmap h = explainer.explain(model, raster, cls);
                if (h.isDegenerate()) {
                    degenerate.add(method + " of " + r.id() + ": " + h.degenerateReason().orElse("degenerate"));
                }
                ArgbImageWriter.write(ExplanationPicture.compose(raster, h, COLORMAP, settings.threshold(),
                        settings.opacity()), out.picture(method, r.id()), 0);
                written.merge(method, 1, Integer::sum);
                pictures.update(++made, total, method + " of " + r.id() + " (" + made + "/" + total + ")");
            }
        }
        return new Result(written, kept, degenerate, skipped, fitted, explained);
    }

    private static List<String> fitBanks(SplitClassifier model, ConceptBankSupply banks, Map<Request, List<String>> pending,
            Map<String, Integer> predicted, List<Request> images, ClassImages classImages, Settings settings,
            Progress progress) {
        Set<Integer> needed = new LinkedHashSet<>();
        pending.forEach((r, methods) -> {
            if (predicted.containsKey(r.id()) && methods.stream().anyMatch(m -> m.equalsIgnoreCase("craft"))) {
                needed.add(predicted.get(r.id()));
            }
        });
        List<Integer> missing = needed.stream().filter(c -> !banks.has(c)).sorted().toList();
        List<String> fitted = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            int cls = missing.get(i);
            String className = model.classes().get(cls);
            Progress step = progress.range(PREDICTED_SHARE, BANKS_SHARE).step(i, missing.size());
            step.update(0, "fitting the CRAFT concept bank of " + className + " (" + (i + 1) + "/" + missing.size()
                    + ")");
            List<ImageRaster> fitOn = new ArrayList<>();
            for (Path p : classImages.of(className)) {
                if (fitOn.size() >= settings.fitImages()) {
                    break;
                }
                read(new Request(p.getFileName().toString(), p), new ArrayList<>()).ifPresent(fitOn::add);
            }
            if (fitOn.isEmpty()) {
                for (Request r : images) {
                    if (fitOn.size() < settings.fitImages() && Integer.valueOf(cls).equals(predicted.get(r.id()))) {
                        read(r, new ArrayList<>()).ifPresent(fitOn::add);
                    }
                }
            }
            banks.ensure(cls, fitOn, step);
            fitted.add(className);
        }
        return fitted;
    }

    private static Optional<ImageRaster> read(Request r, List<Skipped> skipped) {
        try {
            return Optional.of(SemImageReader.read(r.image()));
        } catch (DefectLensException e) {
            skipped.add(new Skipped(r.id(), r.image(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static int predict(SplitClassifier model, ImageRaster image) {
        try (NDManager m = NDManager.newBaseManager()) {
            return (int) model.logits(ModelInputs.tensor(image, model.input(), m)).argMax(1).getLong(0);
        }
    }
}
