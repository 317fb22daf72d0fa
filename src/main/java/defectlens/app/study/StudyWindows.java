package defectlens.app.study;

import defectlens.app.common.Dialogs;
import defectlens.core.ProductVersion;
import defectlens.study.RatingSession;
import defectlens.study.StudyAnalysis;
import defectlens.study.StudyFolder;
import defectlens.study.StudySummary;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the study windows from the main window's menu: the rating window of one rater and the
 * summary window of a study. Errors (a missing study, a journal open elsewhere) end in a dialog.
 */
public final class StudyWindows {
    private StudyWindows() {
    }

    /** Asks for the rater id, then opens the rating window (for a menu item that has only the study folder). */
    public static void openRating(Window owner, Path studyDir) {
        TextInputDialog d = new TextInputDialog(System.getProperty("user.name", ""));
        d.initOwner(owner);
        d.setTitle("Rating study");
        d.setHeaderText("Who is rating? (letters, digits, '.', '_' or '-')");
        d.setContentText("Rater id:");
        d.showAndWait().map(String::trim).filter(r -> !r.isEmpty()).ifPresent(r -> openRating(owner, studyDir, r));
    }

    /** Opens the rating window of {@code rater} for the study in {@code studyDir}; resumes where they stopped. */
    public static void openRating(Window owner, Path studyDir, String rater) {
        RatingSession session;
        StudyFolder study;
        try {
            study = StudyFolder.open(studyDir);
            session = new RatingSession(study, rater, ProductVersion.version());
        } catch (RuntimeException e) {
            Dialogs.showError(owner, "Cannot open the study", e);
            return;
        }
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "defectlens-study-journal");
            t.setDaemon(false);
            return t;
        });
        RatingViewModel vm = new RatingViewModel(session, study.explanations(), study.dir(), io, Platform::runLater);
        RatingView view = new RatingView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Rating study " + study.plan().studyId() + " - " + rater);
        stage.setScene(new Scene(view, 1100, 900));
        stage.setOnHidden(e -> {
            vm.close();
            io.shutdown();
        });
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

    /** Computes the summary of a study off the FX thread and opens it in a window. */
    public static void openSummary(Window owner, Path studyDir) {
        Task<StudySummary> task = new Task<>() {
            @Override
            protected StudySummary call() {
                StudyFolder f = StudyFolder.open(studyDir);
                return StudyAnalysis.summarize(f.plan(), f.ratings());
            }
        };
        task.setOnSucceeded(e -> {
            StudySummaryView view = new StudySummaryView(task.getValue());
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Study summary - " + task.getValue().studyId());
            stage.setScene(new Scene(view, 1000, 760));
            view.setErrorHandler(ex -> Dialogs.showError(stage, "Cannot save the chart", ex));
            stage.show();
        });
        task.setOnFailed(e -> Dialogs.showError(owner, "Cannot summarise the study", task.getException()));
        Thread t = new Thread(task, "defectlens-study-summary");
        t.setDaemon(true);
        t.start();
    }
}
