package defectlens.app.mask;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.task.BackgroundTask;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.mask.CandidateSource;
import defectlens.mask.EditableMaskLayer;
import defectlens.mask.MaskEditor;
import defectlens.mask.MaskRaster;
import defectlens.mask.MaskTool;
import defectlens.mask.MaskValidation;
import defectlens.mask.MaskVerdict;
import defectlens.mask.PixelRect;
import defectlens.mask.candidate.CandidateHints;
import defectlens.mask.candidate.GrabCutCandidate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The mask editor of the SEM viewer. While active (edit mode on, or the validation queue open) the shown image's
 * mask is a candidate of the current generator ({@link CandidateGenerators}) or its accepted mask, drawn as an
 * editable overlay that is redrawn rectangle by rectangle as {@link MaskEditor} jobs change it, with undo and redo;
 * the verdicts (accept, reject, next generator) go to the expert's journal and the accepted masks into the output
 * data set ({@link ValidationQueue}), written in the background.
 */
public final class MaskEditViewModel {
    private static final int EDIT_RGB = 0x00C8FF;
    private static final double EDIT_OPACITY = 0.75;

    private final MainViewModel main;
    private final CandidateGenerators generators;
    private final ValidationQueue validations;
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<MaskTool> tool = new SimpleObjectProperty<>(MaskTool.BRUSH);
    private final IntegerProperty brushSize = new SimpleIntegerProperty(15);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private LoadedImage shown;
    private MaskEditor editor;
    private OverlayLayerModel layer;
    private TiledMaskView picture;
    private String candidateOf;

    public MaskEditViewModel(MainViewModel main, List<CandidateSource> generators, String author, Clock clock) {
        this.main = main;
        this.generators = new CandidateGenerators(main, generators);
        this.validations = new ValidationQueue(main, author, clock, this::updateState);
        active.bind(editing.or(validations.openProperty()));
        main.onImageShown(img -> {
            shown = img;
            dropEditor();
            if (active.get()) {
                loadCandidate();
            }
            updateState();
        });
        active.addListener((o, a, on) -> {
            if (on && shown != null && editor == null) {
                loadCandidate();
            } else if (!on) {
                dropEditor();
            }
        });
        brushSize.addListener((o, a, b) -> {
            if (editor != null) {
                editor.setBrushSize(b.intValue());
                brushSize.set(editor.brushSize());
            }
        });
        main.maskStyleProperty().addListener((o, a, style) -> {
            if (layer != null && layer.getLayer() instanceof EditableMaskLayer l) {
                layer.setLayer(l.withStyle(style));
                picture.setLayer(l.withStyle(style));
            }
        });
    }

    /** The expert's name for the journal: the login name, reduced to letters, digits, '.', '_' and '-'. */
    public static String loginName() {
        String n = System.getProperty("user.name", "expert").replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() ? "expert" : n.substring(0, Math.min(64, n.length()));
    }

    private void loadCandidate() {
        LoadedImage img = shown;
        Optional<Path> accepted = validations.acceptedMask(img.sample());
        String name = accepted.isPresent() ? "accepted mask" : generators.current().name();
        Callable<BinaryMask> make = accepted.isPresent() ? () -> BinaryMask.read(accepted.get())
                : generators.proposal(img);
        main.executor().execute(BackgroundTask.of("Candidate mask: " + name, ctx -> make.call())
                .onSuccess(m -> {
                    if (shown == img && active.get()) {
                        install(m, name);
                    }
                })
                .failureTitle("Cannot make the " + name + " candidate for " + img.sample().fileName()));
    }

    private void install(BinaryMask m, String name) {
        if (m.width() != shown.raster().width() || m.height() != shown.raster().height()) {
            main.reportError("Mask of the wrong size", new defectlens.core.DefectLensException(shown.sample().image(),
                    "the " + name + " candidate is " + m.width() + "x" + m.height() + ", the image "
                            + shown.raster().width() + "x" + shown.raster().height()));
            return;
        }
        dropEditor();
        candidateOf = name;
        editor = new MaskEditor(MaskRaster.of(m));
        editor.setBrushSize(brushSize.get());
        editor.onRedraw(this::redraw);
        editor.onChange(this::stackChanged);
        EditableMaskLayer l = new EditableMaskLayer("Mask (" + name + ")", editor, EDIT_RGB,
                main.maskStyleProperty().get());
        picture = new TiledMaskView(l);
        layer = new OverlayLayerModel(l, EDIT_OPACITY, picture);
        if (main.maskLayer() != null) {
            main.layers().remove(main.maskLayer());
        }
        main.layers().add(layer);
        stackChanged();
    }

    private void dropEditor() {
        if (layer != null) {
            main.layers().remove(layer);
            if (main.maskLayer() != null && shown != null && !main.layers().contains(main.maskLayer())) {
                main.layers().add(main.maskLayer()); // on top again: heatmaps never hide it
            }
        }
        layer = null;
        picture = null;
        editor = null;
        candidateOf = null;
        stackChanged();
    }

    private void redraw(PixelRect r) {
        picture.redraw(r);
    }

    private void stackChanged() {
        canUndo.set(editor != null && editor.stack().canUndo());
        canRedo.set(editor != null && editor.stack().canRedo());
        undoText.set(editor == null ? "Undo" : editor.stack().undoName().map(n -> "Undo " + n).orElse("Undo"));
        redoText.set(editor == null ? "Redo" : editor.stack().redoName().map(n -> "Redo " + n).orElse("Redo"));
        updateState();
    }

    private void updateState() {
        if (shown == null) {
            stateText.set("");
            return;
        }
        SemSample s = shown.sample();
        String verdict = validations.describeLatest(s);
        StringBuilder sb = new StringBuilder(s.id());
        sb.append(": ").append(verdict != null ? verdict : "candidate (" + generators.nameProperty().get() + ")");
        if (candidateOf != null) {
            sb.append("\nshowing: ").append(candidateOf).append(editor.isEdited() ? ", edited (not saved)" : "");
        }
        stateText.set(sb.toString());
    }

    /** Opens the queue of images without an accepted mask and shows its first image. */
    public void openQueue() {
        if (!validations.openValidation()) {
            return;
        }
        validations.openProperty().set(true);
        List<SemSample> queue = validations.images();
        if (!queue.isEmpty() && (shown == null || !queue.contains(shown.sample()))) {
            main.select(queue.get(0));
        }
    }

    /** Opens the queue, or closes it when it is open (Ctrl+Shift+M). */
    public void toggleQueue() {
        if (validations.openProperty().get()) {
            validations.openProperty().set(false);
        } else {
            openQueue();
        }
    }

    /** Accepts the shown mask: {@code edited} when the expert changed the candidate. Written in the background. */
    public BackgroundTask<MaskVerdict> accept() {
        if (editor == null || !validations.openValidation()) {
            return null;
        }
        editor.endStroke();
        SemSample s = shown.sample();
        BinaryMask m = editor.raster().toBinaryMask();
        boolean edited = editor.isEdited();
        String gen = candidateOf;
        return verdict("Saving the mask of " + s.fileName(), s, v -> v.accept(s, m, gen, edited));
    }

    /** Rejects the shown candidate. */
    public BackgroundTask<MaskVerdict> reject() {
        if (shown == null || !validations.openValidation()) {
            return null;
        }
        SemSample s = shown.sample();
        String gen = candidateOf != null ? candidateOf : generators.nameProperty().get();
        return verdict("Rejecting the mask of " + s.fileName(), s, v -> v.reject(s, gen));
    }

    private BackgroundTask<MaskVerdict> verdict(String what, SemSample s,
            Function<MaskValidation, MaskVerdict> work) {
        return validations.verdict(what, s, work, next -> {
            if (next.isPresent()) {
                main.select(next.get());
            } else if (shown != null && shown.sample().equals(s) && active.get()) {
                loadCandidate();
            }
        });
    }

    /** Shows the candidate of the next generator (G) and journals that the image is a candidate of it. */
    public void nextGenerator() {
        generators.next();
        if (shown != null) {
            validations.noteCandidate(shown.sample(), generators.nameProperty().get());
        }
        if (shown != null && active.get() && validations.acceptedMask(shown.sample()).isEmpty()) {
            loadCandidate();
        }
        updateState();
    }

    /** Turns edit mode on (E in the queue). */
    public void edit() {
        editing.set(true);
    }

    public boolean undo() {
        return editor != null && editor.undo();
    }

    public boolean redo() {
        return editor != null && editor.redo();
    }

    public void growBrush() {
        if (editor != null) {
            editor.growBrush();
            brushSize.set(editor.brushSize());
        }
    }

    public void shrinkBrush() {
        if (editor != null) {
            editor.shrinkBrush();
            brushSize.set(editor.brushSize());
        }
    }

    /** Closes the journal (window closing). */
    public void close() {
        validations.close();
    }

    /** The editor of the shown image's mask, or null while none is shown. */
    public MaskEditor editor() {
        return editor;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    /** True while editing or the queue is open: the editable mask is shown. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ObjectProperty<MaskTool> toolProperty() {
        return tool;
    }

    public IntegerProperty brushSizeProperty() {
        return brushSize;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** The shown image's mask state: "sem_000001: accepted (existing mask) by ana at ...". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** The candidate generators {@code G} cycles through. */
    public CandidateGenerators generators() {
        return generators;
    }

    /** The validation of the masks: journal, output and the queue of images without an accepted mask. */
    public ValidationQueue validationQueue() {
        return validations;
    }

    /** The overlay of the mask under edit, or null. */
    public OverlayLayerModel layer() {
        return layer;
    }

    /**
     * GrabCut seeded by a box the expert dragged: its cut replaces the mask being edited, as one undoable edit.
     */
    public void grabCutInBox(PixelRect box) {
        MaskEditor ed = editor;
        LoadedImage img = shown;
        if (ed == null || img == null || box.width() < 2 || box.height() < 2) {
            return;
        }
        CandidateHints hints = new CandidateHints(null, new CandidateHints.SeedBox(box.x(), box.y(), box.width(),
                box.height()));
        main.executor().execute(BackgroundTask.of("GrabCut in a box", ctx -> new GrabCutCandidate()
                .generate(img.raster(), hints)).onSuccess(m -> {
                    if (editor == ed && shown == img) {
                        ed.replaceWith(MaskRaster.of(m), "GrabCut in a box");
                    }
                }).failureTitle("GrabCut failed on " + img.sample().fileName()));
    }

    /** Shows a sample of the open data set (a click in the queue). */
    public void selectSample(SemSample s) {
        main.select(s);
    }

    /** The sample selected in the window (shown once read). */
    public javafx.beans.property.ReadOnlyObjectProperty<SemSample> selectedProperty() {
        return main.selectedProperty();
    }

    /** The shown image's sample, or null. */
    public SemSample shownSample() {
        return shown == null ? null : shown.sample();
    }
}
