package defectlens.app.explain;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.LoadedModel;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskSlot;
import defectlens.explain.Heatmap;
import defectlens.explain.HeatmapOverlay;
import defectlens.explain.metrics.MaskAgreement;
import defectlens.explain.metrics.PixelAgreement;
import defectlens.image.ArgbImage;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.MaskOverlay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compare view's state: the shown image, one panel per method (GradCAM and CRAFT by default,
 * more as the user adds them) and the ground-truth mask, computed in the background; the viewer's
 * colormap, threshold and scale (shared with {@link ExplanationViewModel}) and, when the image has a mask, each method's agreement with it (IoU,
 * Dice, precision, recall at the threshold).
 */
public final class CompareViewModel {
    /** One pane: a title, the image, an overlay (null for the original) and the heatmap behind it. */
    public record Panel(String title, ArgbImage base, ArgbImage overlay, Heatmap heatmap) {
    }

    private static final int MASK_RGB = 0xFF3B30;

    private final ExplanationViewModel explanations;
    private final TaskSlot job;
    private final ObservableList<String> methods = FXCollections.observableArrayList("gradcam", "craft");
    private final ObservableList<Panel> panels = FXCollections.observableArrayList();
    private final DoubleProperty threshold;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private LoadedImage image;

    public CompareViewModel(ExplanationViewModel explanations) {
        this.explanations = explanations;
        this.job = new TaskSlot(explanations.main().executor(), new JobStatus(""));
        this.threshold = explanations.thresholdProperty();
        threshold.addListener((o, a, b) -> rerender());
        explanations.colormapProperty().addListener((o, a, b) -> rerender());
        explanations.absoluteScaleProperty().addListener((o, a, b) -> rerender());
        explanations.scaleTopProperty().addListener((o, a, b) -> rerender());
    }

    /** Computes every method for the image now shown; panels appear when all are done. */
    public BackgroundTask<List<Panel>> refresh() {
        LoadedImage img = explanations.main().imageProperty().get();
        LoadedModel model = explanations.main().modelProperty().get();
        if (img == null) {
            job.status().statusProperty().set("No image is shown");
            return null;
        }
        List<String> names = List.copyOf(methods);
        String layer = explanations.layerProperty().get();
        double t = threshold.get();
        int target = model == null ? defectlens.explain.Explainer.PREDICTED : explanations.targetFor(model, img);
        Map<String, String> failed = new LinkedHashMap<>();
        String title = "Comparing " + String.join(", ", names) + " on " + img.sample().fileName();
        return job.run(BackgroundTask.of(title, ctx -> {
            List<Panel> out = new ArrayList<>();
            out.add(new Panel("Original", img.display(), null, null));
            for (int i = 0; i < names.size() && model != null; i++) {
                ctx.throwIfCancelled(title);
                ctx.update(i, names.size(), names.get(i));
                try {
                    Heatmap h = ExplanationViewModel.compute(model, layer, img.raster(), names.get(i),
                            target, explanations.banks());
                    out.add(new Panel(ExplainMenu.label(names.get(i)), img.display(), overlay(h, t), h));
                } catch (RuntimeException e) {
                    failed.put(names.get(i), e.getMessage());
                }
            }
            if (img.mask() != null) {
                out.add(new Panel("Ground-truth mask", img.display(),
                        new MaskOverlay("mask", img.mask(), MASK_RGB, MaskOverlay.Style.FILL).render(), null));
            }
            return out;
        }).onSuccess(result -> {
            image = img;
            panels.setAll(result);
            failures.clear();
            failures.putAll(failed);
            if (model == null) {
                job.status().statusProperty().set("No model is open: only the image and its mask are shown");
            } else if (!failures.isEmpty()) {
                job.status().statusProperty().set("Not shown: " + failures);
            }
        }).failureTitle("Cannot compare explanations"));
    }

    private ArgbImage overlay(Heatmap h, double t) {
        return explanations.overlay(h, HeatmapOverlay.Mode.FILL).withThreshold(t).render();
    }

    private void rerender() {
        double t = threshold.get();
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            if (p.heatmap() != null) {
                panels.set(i, new Panel(p.title(), p.base(), overlay(p.heatmap(), t), p.heatmap()));
            }
        }
    }

    /** The agreement line of a panel with the mask, or a note why there is none. */
    public String agreement(Panel p) {
        if (p.heatmap() == null) {
            return p.overlay() == null ? "" : image != null && image.mask() != null ? "area " + image.mask().area() + " px" : "";
        }
        if (p.heatmap().isDegenerate()) {
            return "\u26a0 degenerate: " + p.heatmap().degenerateReason().orElse("");
        }
        BinaryMask mask = image == null ? null : image.mask();
        if (mask == null || mask.isEmpty()) {
            return "no mask to compare with";
        }
        PixelAgreement a = MaskAgreement.of(explanations.scaled(p.heatmap()), mask, threshold.get());
        return String.format(Locale.ROOT, "IoU %.3f  Dice %.3f%nPrecision %.3f  Recall %.3f", a.iou(), a.dice(),
                a.precision(), a.recall());
    }

    /** The image the panels were computed for (null before the first refresh). */
    public LoadedImage image() {
        return image;
    }

    public ImageRaster raster() {
        return image == null ? null : image.raster();
    }

    /** Method names compared (editable: add e.g. {@code layercam} or {@code gradcam+tta}). */
    public ObservableList<String> methods() {
        return methods;
    }

    public ObservableList<Panel> panels() {
        return panels;
    }

    /** The threshold: the viewer's ({@link ExplanationViewModel#thresholdProperty()}), shared. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The explanation state whose colormap, threshold and scale the panes share. */
    public ExplanationViewModel explanations() {
        return explanations;
    }

    /** The view's one job at a time and its status line. */
    public TaskSlot job() {
        return job;
    }
}
