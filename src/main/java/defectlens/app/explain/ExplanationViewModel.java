package defectlens.app.explain;

import defectlens.core.DefectLensException;
import defectlens.app.common.LoadedImage;
import defectlens.app.common.LoadedModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskSlot;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.ExplanationLayer;
import defectlens.explain.Heatmap;
import defectlens.explain.HeatmapOverlay;
import defectlens.explain.craft.CraftExplainer;
import defectlens.image.Colormap;
import defectlens.image.ImageRaster;
import defectlens.image.OverlayLayer;
import defectlens.model.ExplainableLayer;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Heatmaps of the shown image as viewer layers: the chosen method (a CAM, optionally with
 * test-time augmentation, or CRAFT with the class's concept bank) runs for the current image and
 * model in the background and its map joins the main window's layers; a degenerate map raises a
 * warning instead of showing a silent blank. Maps are recomputed on a new image only when the user
 * asks or the auto toggle is on.
 */
public final class ExplanationViewModel {
    /** The methods offered, in menu order. */
    public static final List<String> METHODS;

    static {
        List<String> m = new ArrayList<>(Explainers.CAM_NAMES);
        m.add("craft");
        METHODS = List.copyOf(m);
    }

    /** Target choice: the class the model predicts. */
    public static final String PREDICTED = "predicted class";
    /** Target choice: the image's labelled class (the predicted one when unlabelled or unknown to the model). */
    public static final String LABELLED = "labelled class";

    /** Layer choice: the default by rule ({@link ExplainableLayer#DEFAULT_RULE}). */
    public static final String DEFAULT_LAYER = "default";

    private static final double LAYER_OPACITY = 0.6;
    /** New heatmap layers hide the lowest fifth of the map so that the image stays visible. */
    public static final double DEFAULT_THRESHOLD = 0.2;

    private final MainViewModel main;
    private final ConceptBanks banks;
    private final TaskSlot job;
    private final StringProperty method = new SimpleStringProperty("gradcam");
    private final BooleanProperty tta = new SimpleBooleanProperty(false);
    private final BooleanProperty auto = new SimpleBooleanProperty(false);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(Colormap.VIRIDIS);
    private final ObjectProperty<Heatmap> last = new SimpleObjectProperty<>();
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty(PREDICTED);
    private final StringProperty layer = new SimpleStringProperty(DEFAULT_LAYER);
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final BooleanProperty absoluteScale = new SimpleBooleanProperty(false);
    private final DoubleProperty scaleTop = new SimpleDoubleProperty(1.0);
    private String lastMethod;

    public ExplanationViewModel(MainViewModel main, ConceptBanks banks) {
        this.main = main;
        this.banks = banks;
        this.job = new TaskSlot(main.executor(), new JobStatus(""));
        main.imageProperty().addListener((o, old, img) -> {
            boolean newSample = img != null && (old == null || old.sample() != img.sample());
            if (newSample) {
                warning.set("");
                clearStaleStatus();
                if (auto.get() && lastMethod != null) {
                    explain(lastMethod);
                }
            }
        });
        main.modelProperty().addListener((o, a, b) -> {
            last.set(null);
            layer.set(DEFAULT_LAYER);
            clearStaleStatus();
        });
        // a new choice makes "Done: gradcam on ..." or "Failed: craft on ..." describe what is no longer asked for
        method.addListener((o, a, b) -> clearStaleStatus());
        layer.addListener((o, a, b) -> clearStaleStatus());
        target.addListener((o, a, b) -> clearStaleStatus());
    }

    /**
     * Clears a finished explanation's status ("Done: ...", "Failed: ...", "Cancelled: ...") once it no longer
     * describes what is shown: another image, model, method, layer or class, or a concept bank now there for a
     * CRAFT that failed without one. A running explanation keeps its progress text.
     */
    public void clearStaleStatus() {
        if (!job.status().busyProperty().get()) {
            job.status().statusProperty().set("");
        }
    }

    /** The method chosen in the panel, with {@code +tta} when the toggle is on (CRAFT has no TTA). */
    public String chosenMethod() {
        String m = method.get();
        return tta.get() && !m.equals("craft") ? m + "+tta" : m;
    }

    /** Explains the current image with the chosen method. */
    public BackgroundTask<Heatmap> explain() {
        return explain(chosenMethod());
    }

    /** Explains the current image with {@code name} (e.g. {@code gradcam}, {@code layercam+tta}, {@code craft}). */
    public BackgroundTask<Heatmap> explain(String name) {
        LoadedModel model = main.modelProperty().get();
        LoadedImage image = main.imageProperty().get();
        if (model == null || image == null) {
            String what = model == null ? "no model is open" : "no image is shown";
            warning.set("Cannot explain: " + what);
            job.status().statusProperty().set("Cannot explain: " + what);
            return null;
        }
        lastMethod = name;
        ImageRaster raster = image.raster();
        int targetClass = targetFor(model, image);
        String at = layer.get();
        return job.run(BackgroundTask.of(name + " on " + image.sample().fileName(), ctx ->
                compute(model, at, raster, name, targetClass, banks)).onSuccess(h -> {
                    if (main.imageProperty().get() == image) {
                        showHeatmap(h);
                    }
                }).failureTitle("Cannot explain with " + name));
    }

    /** The class index to explain for this model and image under the target choice ({@link Explainer#PREDICTED} or an index). */
    public int targetFor(LoadedModel model, LoadedImage image) {
        List<String> classes = model.classifier().classes();
        String t = target.get();
        if (LABELLED.equals(t)) {
            String label = image == null ? null : image.sample().label();
            return label == null ? Explainer.PREDICTED : Math.max(Explainer.PREDICTED, classes.indexOf(label));
        }
        int i = t == null ? -1 : classes.indexOf(t);
        return i >= 0 ? i : Explainer.PREDICTED;
    }

    /** One heatmap at the model's default layer, off the FX thread. */
    public static Heatmap compute(LoadedModel model, ImageRaster raster, String name, int target, ConceptBanks banks) {
        return compute(model, DEFAULT_LAYER, raster, name, target, banks);
    }

    /** The model split at the layer chosen in the panel ({@link #DEFAULT_LAYER} or a layer name). */
    public SplitClassifier layerModel(LoadedModel model) {
        return ExplanationLayer.choose(model.classifier(), layer.get()).model();
    }

    /**
     * One heatmap, off the FX thread: the CAM by name or CRAFT with the class's bank, at {@code layer}
     * ({@link #DEFAULT_LAYER} or a layer name of the model).
     */
    public static Heatmap compute(LoadedModel model, String layer, ImageRaster raster, String name, int target,
            ConceptBanks banks) {
        SplitClassifier at = ExplanationLayer.choose(model.classifier(), layer).model();
        String n = name.trim().toLowerCase(Locale.ROOT);
        Explainer e;
        if (n.equals("craft")) {
            e = new CraftExplainer(c -> banks.get(model, c));
        } else {
            e = Explainers.camByName(n);
        }
        try {
            return e.explain(at, raster, target);
        } catch (DefectLensException ex) {
            if (n.equals("craft") && ex.getMessage().contains("no concept bank")) {
                throw new DefectLensException(ex.getMessage() + " (Explain > Concept gallery > Fit, or load a bank folder)");
            }
            throw ex;
        }
    }

    /** Adds (or replaces, by name) the heatmap's layer and raises a warning when the map is degenerate. */
    public OverlayLayerModel showHeatmap(Heatmap h) {
        last.set(h);
        if (h.isDegenerate()) {
            warning.set("Warning: the " + h.method() + " map of " + h.className() + " is degenerate ("
                    + h.degenerateReason().orElse("") + "); the layer is empty.");
            job.status().statusProperty().set(warning.get());
        } else {
            warning.set("");
        }
        HeatmapOverlay overlay = overlay(h, HeatmapOverlay.Mode.FILL);
        OverlayLayerModel shown = showLayer(overlay.withColormap(distinctColormap(overlay.name())));
        shown.layerProperty().addListener((o, a, b) -> {
            if (b instanceof HeatmapOverlay now) {
                colormap.set(now.colormap());
                threshold.set(now.threshold());
            }
        });
        return shown;
    }

    /** A heatmap drawn with the shared colormap, threshold and scale (viewer layers and compare panes alike). */
    public HeatmapOverlay overlay(Heatmap h, HeatmapOverlay.Mode mode) {
        return new HeatmapOverlay(scaled(h), colormap.get(), threshold.get(), mode);
    }

    /** The heatmap on the shared scale: per-image min-max, or absolute with the shared top value. */
    public Heatmap scaled(Heatmap h) {
        return absoluteScale.get() ? h.onAbsoluteScale(scaleTop.get()) : h.onImageScale();
    }

    /**
     * The colormap of a new heatmap layer: the shared one unless another heatmap layer shows it, else the first of
     * {@link Colormap#values()} no other heatmap layer uses (the least used one when all are), so layers piled on one
     * image stay apart. A layer about to be replaced (same name) does not count.
     */
    public Colormap distinctColormap(String layerName) {
        Map<Colormap, Integer> used = new java.util.EnumMap<>(Colormap.class);
        for (OverlayLayerModel l : heatmapLayers()) {
            if (!l.name().equals(layerName)) {
                used.merge(((HeatmapOverlay) l.getLayer()).colormap(), 1, Integer::sum);
            }
        }
        List<Colormap> order = new ArrayList<>(List.of(Colormap.values()));
        order.remove(colormap.get());
        order.add(0, colormap.get());
        Colormap best = order.get(0);
        for (Colormap c : order) {
            if (used.getOrDefault(c, 0) < used.getOrDefault(best, 0)) {
                best = c;
            }
        }
        return best;
    }

    /** Adds a layer to the viewer below the mask, replacing a layer of the same name. */
    public OverlayLayerModel showLayer(OverlayLayer layer) {
        OverlayLayerModel model = new OverlayLayerModel(layer, LAYER_OPACITY);
        main.overlays().add(model);
        return model;
    }

    /** The heatmap layers now in the viewer. */
    public List<OverlayLayerModel> heatmapLayers() {
        return main.layers().stream().filter(l -> l.getLayer() instanceof HeatmapOverlay).toList();
    }

    public void cancel() {
        job.cancel();
    }

    public MainViewModel main() {
        return main;
    }

    public ConceptBanks banks() {
        return banks;
    }

    /** The one explanation computed at a time and its status line. */
    public TaskSlot job() {
        return job;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public BooleanProperty ttaProperty() {
        return tta;
    }

    /** Which class to explain: {@link #PREDICTED}, {@link #LABELLED} or a class name of the model. */
    public StringProperty targetProperty() {
        return target;
    }

    /** The threshold under which heatmaps stay plain image, shared by viewer layers and the compare view. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Whether heatmaps are drawn on an absolute scale (0 .. {@link #scaleTopProperty()}) instead of per-image min-max. */
    public BooleanProperty absoluteScaleProperty() {
        return absoluteScale;
    }

    /** The raw value drawn in the colormap's top colour on the absolute scale. */
    public DoubleProperty scaleTopProperty() {
        return scaleTop;
    }

    /** The layer to explain at: {@link #DEFAULT_LAYER} or one of the model's explainable layers. */
    public StringProperty layerProperty() {
        return layer;
    }

    /** The choices of the layer box for the open model: the default (named) and every explainable layer. */
    public List<String> layerChoices() {
        List<String> out = new ArrayList<>();
        out.add(DEFAULT_LAYER);
        LoadedModel m = main.modelProperty().get();
        if (m != null) {
            m.classifier().explainableLayers().forEach(l -> out.add(l.name()));
        }
        return out;
    }

    /** What the layer choice means for the open model, e.g. {@code layer stage4 (64 x 12 x 12), the default: ...}. */
    public String layerDescription() {
        LoadedModel m = main.modelProperty().get();
        return m == null ? "" : ExplanationLayer.choose(m.classifier(), layer.get()).describe();
    }

    /** Recompute the last method whenever another image is shown. */
    public BooleanProperty autoProperty() {
        return auto;
    }

    /** Colormap of heatmap layers and compare panes (follows the last heatmap layer's controls). */
    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    /** The last heatmap shown. */
    public ObjectProperty<Heatmap> lastProperty() {
        return last;
    }

    /** A warning for the user (degenerate map, nothing to explain); empty when all is well. */
    public StringProperty warningProperty() {
        return warning;
    }
}
