package defectlens.mask.candidate;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.modality.cv.output.BoundingBox;
import ai.djl.modality.cv.output.DetectedObjects;
import ai.djl.modality.cv.output.Mask;
import ai.djl.modality.cv.translator.Sam2Translator;
import ai.djl.modality.cv.translator.Sam2Translator.Sam2Input;
import ai.djl.translate.TranslateException;
import defectlens.core.DefectLensException;
import defectlens.explain.Heatmap;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code sam2} generator: Segment Anything 2 through DJL's {@link Sam2Translator}, on a TorchScript export the
 * user made (DefectLens downloads nothing; see docs/masks.md). The folder holds one TorchScript module with the
 * methods {@code encode} (image embedding) and {@code forward} (prompt decoding), as DJL's
 * {@code trace_sam2_img.py} writes it: {@code NAME/NAME.pt}. Prompts, in this order of preference: the box the
 * expert dragged; a point at the peak of the selected explanation's heatmap; one point inside each component of the
 * {@code lines} candidate (the component pixel nearest its centre, at most {@value #MAX_POINTS}, largest first).
 * Without any prompt (no box, no heatmap, an empty {@code lines} candidate) the candidate is empty: the image shows
 * no defect to point at. One predictor serves all calls, one at a time.
 */
public final class Sam2Candidate implements CandidateGenerator, AutoCloseable {
    /** The name the user picks this generator by. */
    public static final String NAME = "sam2";
    static final int MAX_POINTS = 4;

    private final Path folder;
    private final Model model;
    private final Predictor<Sam2Input, DetectedObjects> predictor;
    private final LineSpaceCandidate lines = new LineSpaceCandidate();

    private Sam2Candidate(Path folder, Model model) {
        this.folder = folder;
        this.model = model;
        this.predictor = model.newPredictor(Sam2Translator.builder().optEncodeMethod("encode").build());
    }

    /** Opens the SAM2 export in {@code folder}; a clear error when it is missing or not a SAM2 TorchScript file. */
    public static Sam2Candidate open(Path folder) {
        Path file = modelFile(folder);
        String name = file.getFileName().toString().replaceFirst("\\.pt$", "");
        Model model = Model.newInstance(name, "PyTorch");
        try {
            model.load(folder, name);
            return new Sam2Candidate(folder, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new DefectLensException(file, "cannot load this SAM2 TorchScript export: " + e.getMessage(), e);
        }
    }

    /**
     * The TorchScript file of a SAM2 folder: {@code FOLDER/FOLDER.pt} as DJL's export names it, else the folder's
     * only {@code .pt} file.
     */
    static Path modelFile(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DefectLensException(folder, "is not a folder (--sam2-model names the folder of a SAM2 "
                    + "TorchScript export, see docs/masks.md)");
        }
        Path named = folder.resolve(folder.toAbsolutePath().normalize().getFileName() + ".pt");
        if (Files.isRegularFile(named)) {
            return named;
        }
        List<Path> pts;
        try (Stream<Path> s = Files.list(folder)) {
            pts = s.filter(p -> p.getFileName().toString().endsWith(".pt") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DefectLensException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
        if (pts.size() != 1) {
            throw new DefectLensException(folder, (pts.isEmpty() ? "holds no" : "holds " + pts.size())
                    + " TorchScript .pt files; a SAM2 export has exactly one (NAME/NAME.pt, see docs/masks.md)");
        }
        return pts.get(0);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The folder the model was loaded from. */
    public Path folder() {
        return folder;
    }

    @Override
    public synchronized BinaryMask generate(ImageRaster image, CandidateHints hints) {
        int w = image.width();
        int h = image.height();
        Sam2Input.Builder input = Sam2Input.builder(picture(image));
        List<int[]> points = hints.boxHint().isPresent() ? List.of() : points(image, hints);
        if (hints.boxHint().isPresent()) {
            CandidateHints.SeedBox b = hints.boxHint().get();
            input.addBox(b.x(), b.y(), b.x() + b.width(), b.y() + b.height());
        } else if (points.isEmpty()) {
            return GrayPlane.empty(w, h);
        }
        for (int[] p : points) {
            input.addPoint(p[0], p[1]);
        }
        DetectedObjects found;
        try {
            found = predictor.predict(input.build());
        } catch (TranslateException | RuntimeException e) {
            throw new DefectLensException(folder, "SAM2 failed on a " + w + "x" + h + " image: " + e.getMessage(), e);
        }
        return mask(found, w, h);
    }

    /** Point prompts: the heatmap's peak, else one point inside each of the largest {@code lines} components. */
    List<int[]> points(ImageRaster image, CandidateHints hints) {
        if (hints.heatmapHint().isPresent() && !hints.heatmapHint().get().isDegenerate()) {
            return List.of(peak(hints.heatmapHint().get(), image.width(), image.height()));
        }
        return ComponentPoints.of(lines.generate(image, CandidateHints.NONE), MAX_POINTS);
    }

    /** The point prompt of a heatmap: the image pixel {x, y} under its highest value (at the image's size). */
    public static int[] peak(Heatmap heatmap, int width, int height) {
        Heatmap fitted = heatmap.width() == width && heatmap.height() == height ? heatmap
                : heatmap.atSize(width, height);
        float[] v = fitted.normalized();
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return new int[] {best % width, best / width};
    }

    private static Image picture(ImageRaster image) {
        int w = image.width();
        int h = image.height();
        int[] argb = new int[w * h];
        double scale = 255.0 / image.maxValue();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = (int) Math.round(Math.min(255, image.intensity(x, y) * scale));
                argb[y * w + x] = 0xFF000000 | g << 16 | g << 8 | g;
            }
        }
        return ImageFactory.getInstance().fromPixels(argb, w, h);
    }

    private BinaryMask mask(DetectedObjects found, int w, int h) {
        boolean[] fg = new boolean[w * h];
        if (found.getNumberOfObjects() > 0) {
            BoundingBox box = found.<DetectedObjects.DetectedObject>item(0).getBoundingBox();
            if (!(box instanceof Mask m)) {
                throw new DefectLensException(folder, "SAM2 answered without a mask");
            }
            float[][] p = m.getProbDist();
            if (p.length != h || p[0].length != w) {
                throw new DefectLensException(folder, "SAM2 answered a " + p[0].length + "x" + p.length
                        + " mask for a " + w + "x" + h + " image");
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    fg[y * w + x] = p[y][x] > 0.5f;
                }
            }
        }
        return new BinaryMask(w, h, fg);
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
