package defectlens.app.study;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.core.ProductVersion;
import defectlens.study.RatingSession;
import defectlens.study.StudyFolder;
import defectlens.study.StudyItem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the study windows from the main window's menu: the rating window of one rater and the
 * summary window of a study. Study files are read by {@link BackgroundTask}s on the journal lane, never on the
 * FX thread; errors (a missing study, a journal open elsewhere) end in the executor's error dialog.
 */
public final class StudyWindows {
    /**
     * A rater's open session, the study it belongs to, its items without a picture and the classes explained, as
     * read off the FX thread.
     */
    private record Opened(StudyFolder study, RatingSession session, Set<StudyItem> unavailable,
            Map<String, String> classes) {
    }

    private final TaskExecutor executor;

    public StudyWindows(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Asks for the rater id, then opens the rating window (for a menu item that has only the study folder). */
    public void openRating(Window owner, Path studyDir) {
        TextInputDialog d = new TextInputDialog(System.getProperty("user.name", ""));
        d.initOwner(owner);
        d.setTitle("Rating study");
        d.setHeaderText("Who is rating? (letters, digits, '.', '_' or '-')");
        d.setContentText("Rater id:");
        d.showAndWait().map(String::trim).filter(r -> !r.isEmpty()).ifPresent(r -> openRating(owner, studyDir, r));
    }

    /** Opens the rating window of {@code rater} for the study in {@code studyDir}; resumes where they stopped. */
    public BackgroundTask<?> openRating(Window owner, Path studyDir, String rater) {
        return executor.execute(BackgroundTask.of("Opening the journal of " + rater, ctx -> {
            StudyFolder study = StudyFolder.open(studyDir);
            return new Opened(study, new RatingSession(study, rater, ProductVersion.version()),
                    Set.copyOf(study.unavailableItems()), study.explainedClasses().asMap());
        }).onLane(TaskLane.JOURNAL).failureTitle("Cannot open the study").onSuccess(o -> show(owner, o, rater)));
    }

    private void show(Window owner, Opened opened, String rater) {
        StudyFolder study = opened.study();
        RatingSession session = opened.session();
        RatingViewModel vm = new RatingViewModel(session, study.explanations(), study.dir(), executor,
                opened.unavailable(), opened.classes());
        RatingView view = new RatingView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Rating study " + study.plan().studyId() + " - " + rater);
        stage.setScene(new Scene(view, 1100, 900));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        view.requestFocus();
        if (!session.recovery().clean()) {
            Alert a = new Alert(Alert.AlertType.WARNING, session.recovery().describe()
                    + "\nEvery rating confirmed as saved is kept; the damaged line was not confirmed.");
            a.initOwner(stage);
            a.setHeaderText("The journal was repaired");
            a.show();
        }
    }

    /**
     * Opens the organiser's new-study wizard, its data set and model preset to {@code dataset} and {@code model}
     * (either may be null); "Rate it now" opens the rating window of the finished study.
     */
    public NewStudyView openNewStudy(Window owner, Path dataset, Path model) {
        NewStudyViewModel vm = new NewStudyViewModel(executor);
        vm.datasetProperty().set(dataset);
        vm.modelProperty().set(model);
        NewStudyView view = new NewStudyView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("New study");
        stage.setScene(new Scene(view, 980, 640));
        view.setOnRate(dir -> openRating(stage, dir));
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        return view;
    }

    /** Resumes (or makes) the explanation pictures of an existing study in the wizard's progress view. */
    public NewStudyView resumePictures(Window owner, Path studyDir) {
        NewStudyView view = openNewStudy(owner, null, null);
        view.viewModel().computePictures(studyDir);
        return view;
    }

    /**
     * Asks the organiser to confirm that the summary, which names the method behind every label, may be shown
     * (never in front of a rater), then opens it.
     */
    public void openSummaryConfirmed(Window owner, Path studyDir) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The summary names the method behind \"Explanation A\", "
                + "\"Explanation B\", ...: this unblinds the study. Show it only where no rater can see it.",
                ButtonType.CANCEL, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText("Unblind the study?");
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> openSummary(owner, studyDir));
    }

    /** Computes the summary of a study off the FX thread and opens it in a window. */
    public BackgroundTask<StudyReport> openSummary(Window owner, Path studyDir) {
        return executor.execute(BackgroundTask.of("Summarising " + studyDir.getFileName(),
                ctx -> StudyReport.of(StudyFolder.open(studyDir)))
                .onLane(TaskLane.JOURNAL).failureTitle("Cannot summarise the study").onSuccess(report -> {
                    StudySummaryView view = new StudySummaryView(report, executor);
                    Stage stage = new Stage();
                    stage.initOwner(owner);
                    stage.setTitle("Study summary (unblinded) - " + report.summary().studyId());
                    stage.setScene(new Scene(view, 1280, 900));
                    stage.show();
                }));
    }
}
