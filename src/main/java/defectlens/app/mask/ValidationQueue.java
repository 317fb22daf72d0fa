package defectlens.app.mask;

import defectlens.app.common.MainViewModel;
import defectlens.app.task.BackgroundTask;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.mask.MaskValidation;
import defectlens.mask.MaskVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The validation of the open data set's masks: the expert's journal of verdicts and the output data set of the
 * accepted masks ({@link MaskValidation}, opened on first need in the output folder chosen, by default beside the
 * data set), and the queue of images without an accepted mask. Verdicts are written in the background; the queue
 * then goes on to the next image still without an accepted mask.
 */
public final class ValidationQueue {
    private final MainViewModel main;
    private final String author;
    private final Clock clock;
    private final Runnable changed;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ObservableList<SemSample> images = FXCollections.observableArrayList();
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>();
    private MaskValidation validation;

    /** @param changed called when the verdicts known may have changed (the editor's state text) */
    ValidationQueue(MainViewModel main, String author, Clock clock, Runnable changed) {
        this.main = main;
        this.author = author;
        this.clock = clock;
        this.changed = changed;
        main.datasetProperty().addListener((o, a, d) -> {
            closeValidation();
            images.clear();
            outputFolder.set(d == null ? null : MaskValidation.defaultFolder(d));
            if (open.get() && d != null) {
                openValidation();
            }
        });
    }

    /** Opens the journal and the output of the open data set, when not open yet; false when that cannot be. */
    boolean openValidation() {
        if (validation != null) {
            return true;
        }
        SemDataset d = main.datasetProperty().get();
        if (d == null) {
            return false;
        }
        try {
            Path folder = outputFolder.get() != null ? outputFolder.get() : MaskValidation.defaultFolder(d);
            validation = MaskValidation.open(d, folder, author, clock);
            outputFolder.set(validation.output().folder());
        } catch (RuntimeException e) {
            main.reportError("Cannot open the mask validation", e);
            return false;
        }
        images.setAll(validation.withoutAcceptedMask());
        changed.run();
        return true;
    }

    private void closeValidation() {
        if (validation != null) {
            validation.close();
            validation = null;
        }
    }

    /** Writes the output of another folder from now on (closes the journal of the old one). */
    public void useOutputFolder(Path folder) {
        closeValidation();
        outputFolder.set(folder);
        if (open.get()) {
            openValidation();
        }
    }

    /** The accepted mask of {@code s}, if the validation is open and has one. */
    Optional<Path> acceptedMask(SemSample s) {
        return validation == null ? Optional.empty() : validation.acceptedMask(s);
    }

    /** The latest verdict on {@code s} in words, or null (none, or the validation is not open). */
    String describeLatest(SemSample s) {
        return validation == null ? null : validation.latest(s).map(MaskVerdict::describe).orElse(null);
    }

    /** Journals in the background that {@code s} is a candidate of {@code generator} (once the validation is open). */
    void noteCandidate(SemSample s, String generator) {
        if (validation == null) {
            return;
        }
        main.executor().execute(BackgroundTask.of("Noting the candidate of " + s.fileName(),
                ctx -> validation.propose(s, generator)).onSuccess(v -> changed.run())
                .failureTitle("Cannot note the candidate of " + s.fileName()));
    }

    /**
     * Writes a verdict on {@code s} in the background; once written, the queue holds the images still without an
     * accepted mask and {@code then} gets the image to show next (empty: none, or the queue is closed).
     */
    BackgroundTask<MaskVerdict> verdict(String what, SemSample s, Function<MaskValidation, MaskVerdict> work,
            Consumer<Optional<SemSample>> then) {
        MaskValidation v = validation;
        List<SemSample> before = List.copyOf(images);
        return main.executor().execute(BackgroundTask.of(what, ctx -> work.apply(validation)).onSuccess(done -> {
            if (validation != v) {
                return;
            }
            images.setAll(v.withoutAcceptedMask());
            main.statusProperty().set(s.fileName() + ": mask " + done.describe() + " -> " + v.output().csv());
            changed.run();
            then.accept(open.get() ? nextAfter(s, before) : Optional.empty());
        }).failureTitle("The mask of " + s.fileName() + " was NOT saved"));
    }

    private Optional<SemSample> nextAfter(SemSample s, List<SemSample> before) {
        int at = before.indexOf(s);
        for (int i = at + 1; i < before.size(); i++) {
            if (images.contains(before.get(i))) {
                return Optional.of(before.get(i));
            }
        }
        return images.isEmpty() || images.contains(s) ? Optional.empty() : Optional.of(images.get(0));
    }

    /** Closes the journal (window closing). */
    public void close() {
        closeValidation();
    }

    /** True while the queue is open (the editable mask is shown then). */
    public BooleanProperty openProperty() {
        return open;
    }

    /** Images of the open data set without an accepted mask (filled once the validation is open). */
    public ObservableList<SemSample> images() {
        return images;
    }

    public ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    /** The open validation, or null before the queue was opened or a mask accepted. */
    public MaskValidation validation() {
        return validation;
    }
}
