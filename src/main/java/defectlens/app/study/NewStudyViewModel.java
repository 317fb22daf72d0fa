package defectlens.app.study;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.explain.Explainers;
import defectlens.explain.ExplanationPictures;
import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.StudyCreator;
import defectlens.study.StudyDesign;
import defectlens.study.StudyFolder;
import defectlens.study.StudyPlan;
import defectlens.study.StudySampling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The organiser's new-study wizard as JavaFX properties: the data set and how images are drawn from it (N per class
 * or in all, seed, only images with masks), the model, the methods (two or more of the CAM family and CRAFT), the
 * questionnaire (built-in or a file), the invited raters, blinding (on by default) and whether raters see the class
 * explained. {@link #create()} writes the plan ({@link StudyCreator}, as {@code study create}) and then
 * {@link #computePictures(Path)} makes every explanation picture in the background ({@link ExplanationPictures}, as
 * {@code study explanations}), fitting the CRAFT concept banks it needs under the study's {@code concept-banks}
 * folder, with progress and cancel; running it again resumes (pictures already made are kept).
 */
public final class NewStudyViewModel {
    /** Every method the wizard offers: the CAM family and CRAFT. */
    public static final List<String> METHODS = methods();

    private final TaskExecutor executor;
    private final ObjectProperty<Path> dataset = new SimpleObjectProperty<>();
    private final BooleanProperty perClass = new SimpleBooleanProperty(true);
    private final IntegerProperty count = new SimpleIntegerProperty(2);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final BooleanProperty onlyWithMasks = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> model = new SimpleObjectProperty<>();
    private final Map<String, BooleanProperty> methods = new LinkedHashMap<>();
    private final ObjectProperty<Path> questionnaire = new SimpleObjectProperty<>();
    private final StringProperty raters = new SimpleStringProperty("");
    private final BooleanProperty blinded = new SimpleBooleanProperty(true);
    private final BooleanProperty showClass = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>();
    private final IntegerProperty craftImages = new SimpleIntegerProperty(8);
    private final IntegerProperty craftConcepts = new SimpleIntegerProperty(10);
    private final IntegerProperty craftIterations = new SimpleIntegerProperty(300);
    private final IntegerProperty craftDesigns = new SimpleIntegerProperty(32);
    private final JobStatus status = new JobStatus("Choose the data set, model, methods and study folder, then Create.");
    private final ObjectProperty<Path> study = new SimpleObjectProperty<>();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty resumable = new SimpleBooleanProperty(false);
    private BackgroundTask<?> running;

    public NewStudyViewModel(TaskExecutor executor) {
        this.executor = executor;
        for (String m : METHODS) {
            methods.put(m, new SimpleBooleanProperty(m.equals("gradcam") || m.equals("craft")));
        }
    }

    private static List<String> methods() {
        List<String> all = new ArrayList<>(Explainers.CAM_NAMES);
        all.add("craft");
        return List.copyOf(all);
    }

    /** The methods ticked, in the wizard's order. */
    public List<String> chosenMethods() {
        return methods.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** The rater ids typed (comma or space separated). */
    public List<String> raterIds() {
        String r = raters.get() == null ? "" : raters.get().trim();
        return r.isEmpty() ? List.of() : Arrays.stream(r.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** What still stops the study from being created, or empty when it can be. */
    public String problem() {
        if (dataset.get() == null) {
            return "Choose the data set the images are drawn from.";
        }
        if (model.get() == null) {
            return "Choose the model whose explanations are rated.";
        }
        if (chosenMethods().size() < 2) {
            return "Choose two or more methods to compare.";
        }
        if (out.get() == null) {
            return "Choose the folder the study is written to.";
        }
        for (String r : raterIds()) {
            if (!StudyFolder.isRaterId(r)) {
                return "Rater id '" + r + "' is not usable: letters, digits, '.', '_' or '-'.";
            }
        }
        if (count.get() < 0) {
            return "The number of images cannot be negative.";
        }
        return "";
    }

    /** Writes the plan in the background, then computes its pictures ({@link #computePictures}). */
    public BackgroundTask<StudyPlan> create() {
        String problem = problem();
        if (!problem.isEmpty()) {
            throw new DefectLensException(problem);
        }
        Path data = dataset.get();
        Path modelDir = model.get();
        Path studyDir = out.get();
        Path questions = questionnaire.get();
        List<String> chosen = chosenMethods();
        StudySampling sampling = new StudySampling(count.get(), perClass.get(), seed.get(), onlyWithMasks.get());
        ModelRef ref = new ModelRef(folderName(modelDir), "", modelDir.toString());
        List<String> invited = raterIds();
        boolean blind = blinded.get();
        boolean classShown = showClass.get();
        ready.set(false);
        BackgroundTask<StudyPlan> task = BackgroundTask.of("Creating the study in " + studyDir.getFileName(), ctx -> {
            Questionnaire q = questions == null ? Questionnaire.explanationSatisfaction() : Questionnaire.load(questions);
            SemDataset d = DatasetOpener.open(data);
            List<StudyCreator.Candidate> candidates = d.samples().stream()
                    .map(s -> new StudyCreator.Candidate(s.id(), s.image(), s.label(), s.mask() != null)).toList();
            return StudyCreator.create(d.root(), candidates, new StudyDesign(chosen, sampling, ref, q, invited, blind,
                    classShown), studyDir);
        }).onLane(TaskLane.TRAINING).showIn(status).failureTitle("Cannot create the study").onSuccess(plan -> {
            study.set(studyDir);
            computePictures(studyDir);
        });
        running = task;
        executor.execute(task);
        return task;
    }

    /**
     * Computes the missing explanation pictures of the study in {@code studyDir} with the plan's model, fitting the
     * CRAFT banks it needs; pictures already made are kept, so this also resumes a cancelled run.
     */
    public BackgroundTask<ExplanationPictures.Result> computePictures(Path studyDir) {
        study.set(studyDir);
        ready.set(false);
        resumable.set(false);
        ExplanationPictures.Settings settings = new ExplanationPictures.Settings(studyDir.resolve("concept-banks"),
                true, craftImages.get(), craftConcepts.get(), craftIterations.get(), craftDesigns.get(), 0.2, 0.5, false);
        BackgroundTask<ExplanationPictures.Result> task = BackgroundTask.of("Explanation pictures", ctx -> {
            StudyFolder folder = StudyFolder.open(studyDir);
            Path modelDir = folder.modelDir().orElse(model.get());
            if (modelDir == null) {
                throw new DefectLensException(folder.dir().resolve(StudyFolder.PLAN_FILE), "the plan names no model");
            }
            List<SemSample> samples = samples(folder);
            try (SplitClassifier classifier = ModelBundle.load(modelDir)) {
                ExplanationPictures.Result r = ExplanationPictures.compute(classifier, folderName(modelDir),
                        folder.plan().methods(), folder.imageFiles(), folder::pictureFile,
                        cls -> samples.stream().filter(s -> cls.equals(s.label())).map(SemSample::image).toList(),
                        settings, ctx);
                folder.explainedClasses().record(r.explainedClasses());
                return r;
            }
        }).onLane(TaskLane.TRAINING).showIn(status).failureTitle("Cannot compute the explanation pictures")
                .cancelledText(() -> "Cancelled: the pictures made so far are kept; Resume goes on from there.")
                .onCancelled(() -> resumable.set(true))
                .onFailure(e -> {
                    resumable.set(true);
                    status.statusProperty().set("Stopped: " + defectlens.app.common.Dialogs.messageOf(e)
                            + " (Resume tries again)");
                })
                .onSuccess(r -> {
                    int made = r.written().values().stream().mapToInt(Integer::intValue).sum();
                    ready.set(true);
                    status.statusProperty().set("The study is ready to rate: " + made + " pictures made"
                            + (r.kept() > 0 ? ", " + r.kept() + " kept" : "")
                            + (r.fittedBanks().isEmpty() ? "" : ", concept banks fitted for " + r.fittedBanks())
                            + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " unreadable images skipped")
                            + ".");
                });
        running = task;
        executor.execute(task);
        return task;
    }

    /** Resumes the pictures of the study created last. */
    public void resume() {
        if (study.get() != null) {
            computePictures(study.get());
        }
    }

    /** Stops the running step; pictures made so far are kept. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private static List<SemSample> samples(StudyFolder folder) {
        try {
            return DatasetOpener.open(folder.datasetDir()).samples();
        } catch (DefectLensException e) {
            return List.of();
        }
    }

    private static String folderName(Path dir) {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    public ObjectProperty<Path> datasetProperty() {
        return dataset;
    }

    public BooleanProperty perClassProperty() {
        return perClass;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty onlyWithMasksProperty() {
        return onlyWithMasks;
    }

    public ObjectProperty<Path> modelProperty() {
        return model;
    }

    public BooleanProperty methodProperty(String method) {
        return methods.get(method);
    }

    public ObjectProperty<Path> questionnaireProperty() {
        return questionnaire;
    }

    public StringProperty ratersProperty() {
        return raters;
    }

    public BooleanProperty blindedProperty() {
        return blinded;
    }

    public BooleanProperty showClassProperty() {
        return showClass;
    }

    public ObjectProperty<Path> outProperty() {
        return out;
    }

    public IntegerProperty craftImagesProperty() {
        return craftImages;
    }

    public IntegerProperty craftConceptsProperty() {
        return craftConcepts;
    }

    public IntegerProperty craftIterationsProperty() {
        return craftIterations;
    }

    public IntegerProperty craftDesignsProperty() {
        return craftDesigns;
    }

    public JobStatus status() {
        return status;
    }

    /** The study folder being made (set once the plan is written). */
    public ObjectProperty<Path> studyProperty() {
        return study;
    }

    /** True once every picture is made: the study can be rated. */
    public BooleanProperty readyProperty() {
        return ready;
    }

    /** True after a cancel or a failure: {@link #resume()} goes on. */
    public BooleanProperty resumableProperty() {
        return resumable;
    }
}
