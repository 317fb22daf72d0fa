package defectlens.app.mask;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.MainViewModel;
import defectlens.app.task.BackgroundTask;
import defectlens.explain.Heatmap;
import defectlens.image.BinaryMask;
import defectlens.mask.CandidateSource;
import defectlens.mask.candidate.CandidateHints;
import defectlens.mask.candidate.Sam2Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The candidate generators of the mask editor in the order {@code G} cycles through them, the one whose candidate
 * is shown, and the hints they get (the selected explanation of the shown image as heatmap hint). A SAM2 model
 * joins the cycle once it is loaded in the background.
 */
public final class CandidateGenerators {
    private final MainViewModel main;
    private final List<CandidateSource> generators;
    private final ReadOnlyStringWrapper list = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private int index;
    private HeatmapHint heatmapHint;

    CandidateGenerators(MainViewModel main, List<CandidateSource> generators) {
        if (generators.isEmpty()) {
            throw new IllegalArgumentException("the mask editor needs at least one candidate generator");
        }
        this.main = main;
        this.generators = new ArrayList<>(generators);
        list.set(String.join(", ", names()));
        name.set(generators.get(0).name());
    }

    /** The generator whose candidates are shown now. */
    CandidateSource current() {
        return generators.get(index);
    }

    /** Goes on to the next generator of the cycle (G). */
    void next() {
        index = (index + 1) % generators.size();
        name.set(generators.get(index).name());
    }

    /** The current generator's candidate for {@code img}, to make in the background (generator and hints now). */
    Callable<BinaryMask> proposal(LoadedImage img) {
        CandidateSource gen = current();
        CandidateHints hints = new CandidateHints(heatmapHint == null ? null : heatmapHint.of(img), null);
        return () -> gen.propose(img.sample(), img.raster(), hints);
    }

    /** Adds a generator to the end of the {@code G} cycle (e.g. {@code sam2} once its model is loaded). */
    public void add(CandidateSource source) {
        generators.removeIf(g -> g.name().equals(source.name()));
        generators.add(source);
        list.set(String.join(", ", names()));
    }

    /**
     * Loads a SAM2 TorchScript export in the background and offers {@code sam2} in the generator cycle; the model
     * stays open while the window lives.
     */
    public void useSam2Model(Path folder) {
        main.executor().execute(BackgroundTask.of("Loading the SAM2 model " + folder.getFileName(),
                ctx -> Sam2Candidate.open(folder)).onSuccess(sam -> add(CandidateSource.of(sam)))
                .failureTitle("Cannot use " + folder + " as a SAM2 model"));
    }

    /** Gives the generators the selected explanation (of the shown image) as their heatmap hint. */
    public void useHeatmapHints(ObservableValue<Heatmap> selected) {
        heatmapHint = new HeatmapHint(main, selected);
    }

    /** The generator names in the order {@code G} cycles through them. */
    public List<String> names() {
        return generators.stream().map(CandidateSource::name).toList();
    }

    /** The name of the generator whose candidates are shown. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The generator names, comma separated, as {@code G} cycles through them (grows when one is added). */
    public ReadOnlyStringProperty listProperty() {
        return list.getReadOnlyProperty();
    }
}
