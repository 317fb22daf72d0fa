package defectlens.app.explain;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.LoadedModel;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskSlot;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.explain.craft.ConceptBank;
import defectlens.explain.craft.ConceptBankFitter;
import defectlens.explain.craft.ConceptCrops;
import defectlens.explain.craft.ConceptMaps;
import defectlens.explain.craft.ConceptOverlay;
import defectlens.explain.craft.CraftExplainer;
import defectlens.explain.craft.CraftOptions;
import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import defectlens.image.SemImageReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CRAFT concept gallery's state: the class, its concept bank (fitted on the open data set's
 * images of that class, or loaded from a bank folder; both in the background with progress and
 * cancel), each concept's most typical crops, and the maps of the shown image: one concept's map,
 * or the top concepts together in distinct colours, as layers of the main viewer.
 */
public final class ConceptGalleryViewModel {
    /** Gallery results: the bank and, per concept in bank order, its most typical crops. */
    public record Gallery(ConceptBank bank, List<List<ConceptCrops.Crop>> crops) {
    }

    /** Where the progress bar stands when the bank is fitted and the typical crops begin. */
    private static final double FITTED = 0.8;

    private final ExplanationViewModel explanations;
    private final TaskSlot job;
    private final StringProperty className = new SimpleStringProperty();
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObjectProperty<Gallery> gallery = new SimpleObjectProperty<>();
    private final IntegerProperty concepts = new SimpleIntegerProperty(10);
    private final IntegerProperty fitImages = new SimpleIntegerProperty(16);
    private final IntegerProperty cropsPerConcept = new SimpleIntegerProperty(6);
    private final IntegerProperty topConcepts = new SimpleIntegerProperty(3);

    public ConceptGalleryViewModel(ExplanationViewModel explanations) {
        this.explanations = explanations;
        this.job = new TaskSlot(explanations.main().executor(), new JobStatus(""));
        explanations.main().modelProperty().addListener((o, a, m) -> syncClasses());
        explanations.main().imageProperty().addListener((o, a, img) -> {
            if (img != null && img.sample().label() != null && classes.contains(img.sample().label()) && gallery.get() == null) {
                className.set(img.sample().label());
            }
        });
        syncClasses();
    }

    private void syncClasses() {
        LoadedModel m = explanations.main().modelProperty().get();
        classes.setAll(m == null ? List.of() : m.classifier().classes());
        gallery.set(null);
        LoadedImage img = explanations.main().imageProperty().get();
        if (img != null && img.sample().label() != null && classes.contains(img.sample().label())) {
            className.set(img.sample().label());
        } else if (!classes.isEmpty()) {
            className.set(classes.get(0));
        }
    }

    /** Opens the class's bank (from memory or the bank root) or fits it on the data set's images of the class. */
    public BackgroundTask<Gallery> fitOrOpen(boolean refit) {
        LoadedModel model = explanations.main().modelProperty().get();
        SemDataset data = explanations.main().datasetProperty().get();
        String cls = className.get();
        if (model == null || cls == null) {
            job.status().statusProperty().set("Open a model first");
            return null;
        }
        int classIndex = model.classifier().classes().indexOf(cls);
        SplitClassifier at = explanations.layerModel(model);
        List<Path> files = classImages(data, cls, fitImages.get());
        int k = concepts.get();
        int perConcept = cropsPerConcept.get();
        ConceptBanks banks = explanations.banks();
        return job.run(BackgroundTask.of("Concepts of " + cls, ctx -> {
            List<ImageRaster> images = new ArrayList<>();
            for (Path f : files) {
                ctx.throwIfCancelled("reading images");
                images.add(SemImageReader.read(f));
            }
            ConceptBank bank = refit ? null : banks.get(model, classIndex);
            if (bank == null) {
                if (images.isEmpty()) {
                    throw new defectlens.core.DefectLensException("the open data set has no images of class " + cls
                            + " to fit concepts on");
                }
                int patch = CraftOptions.defaultPatch(at, images.get(0).width(), images.get(0).height());
                CraftOptions options = CraftOptions.defaults(patch).withConcepts(k);
                bank = new ConceptBankFitter(options).fit(at, ConceptBanks.modelName(model), classIndex,
                        images, ctx.range(0, FITTED));
                banks.put(model, bank, true);
            }
            List<List<ConceptCrops.Crop>> crops = images.isEmpty() ? emptyCrops(bank.rank())
                    : ConceptCrops.typical(at, bank, images, perConcept, 16, ctx.range(FITTED, 1));
            return new Gallery(bank, crops);
        }).onSuccess(g -> {
            gallery.set(g);
            explanations.clearStaleStatus(); // a CRAFT that failed for want of this bank can run now
        }).failureTitle("Cannot make the concepts of " + cls));
    }

    /** Loads a bank folder ({@code bank.json} + {@code concepts.npy}) for the open model, then its crops. */
    public BackgroundTask<ConceptBank> load(Path folder) {
        LoadedModel model = explanations.main().modelProperty().get();
        if (model == null) {
            job.status().statusProperty().set("Open a model first");
            return null;
        }
        return job.run(BackgroundTask.of("Loading " + folder.getFileName(), ctx -> ConceptBank.load(folder))
                .onSuccess(bank -> {
                    explanations.banks().put(model, bank, false);
                    className.set(bank.className());
                    fitOrOpen(false);
                }).failureTitle("Cannot load the concept bank " + folder.getFileName()));
    }

    private static List<List<ConceptCrops.Crop>> emptyCrops(int rank) {
        List<List<ConceptCrops.Crop>> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            out.add(List.of());
        }
        return out;
    }

    private static List<Path> classImages(SemDataset data, String cls, int limit) {
        List<Path> out = new ArrayList<>();
        if (data != null) {
            for (SemSample s : data.samples()) {
                if (cls.equals(s.label()) && out.size() < limit) {
                    out.add(s.image());
                }
            }
        }
        return out;
    }

    /** Shows concept {@code c}'s map over the current image as a viewer layer. */
    public BackgroundTask<ConceptMaps> showConcept(int c) {
        return mapsOfShownImage(maps -> {
            LoadedImage img = explanations.main().imageProperty().get();
            explanations.showHeatmap(maps.conceptHeatmap(c, img.raster().width(), img.raster().height()));
        });
    }

    /** Shows the top concepts of the current image together in distinct colours. */
    public BackgroundTask<ConceptMaps> showTopConcepts() {
        int n = topConcepts.get();
        return mapsOfShownImage(maps -> {
            LoadedImage img = explanations.main().imageProperty().get();
            explanations.showLayer(new ConceptOverlay(maps, n, 0.5, img.raster().width(), img.raster().height()));
        });
    }

    private BackgroundTask<ConceptMaps> mapsOfShownImage(java.util.function.Consumer<ConceptMaps> show) {
        LoadedModel model = explanations.main().modelProperty().get();
        LoadedImage img = explanations.main().imageProperty().get();
        Gallery g = gallery.get();
        if (model == null || img == null || g == null) {
            job.status().statusProperty().set("Needs a model, a shown image and a concept bank");
            return null;
        }
        ConceptBank bank = g.bank();
        SplitClassifier at = explanations.layerModel(model);
        return job.run(BackgroundTask.of("Concept maps of " + img.sample().fileName(), ctx ->
                new CraftExplainer(c -> bank).conceptMaps(at, img.raster(), bank.classIndex()))
                .onSuccess(maps -> {
                    if (explanations.main().imageProperty().get() == img) {
                        show.accept(maps);
                    }
                }).failureTitle("Cannot map the concepts"));
    }

    public ObservableList<String> classes() {
        return classes;
    }

    public StringProperty classNameProperty() {
        return className;
    }

    public ObjectProperty<Gallery> galleryProperty() {
        return gallery;
    }

    public IntegerProperty conceptsProperty() {
        return concepts;
    }

    public IntegerProperty fitImagesProperty() {
        return fitImages;
    }

    public IntegerProperty topConceptsProperty() {
        return topConcepts;
    }

    /** The gallery's one job at a time and its status line. */
    public TaskSlot job() {
        return job;
    }
}
