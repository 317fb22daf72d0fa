package defectlens.app.study;

import defectlens.app.look.Looks;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.image.ArgbImage;
import defectlens.study.MethodQuestionStats;
import defectlens.study.PairedComparison;
import defectlens.study.Plural;
import defectlens.study.RaterProgress;
import defectlens.study.RatingCsvExport;
import defectlens.study.StudySummary;
import defectlens.study.SummaryText;
import java.io.File;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The organiser's summary of a study (it names the methods: unblinded): the mean rating per statement and method
 * beside the conventional diverging Likert chart, both in the colour-blind-safe {@link OkabeIto} palette; the
 * agreement and the paired tests in words ("not enough data" and what is missing instead of NaN); each rater's
 * progress; and exports of the ratings as CSV and of the charts as PNG, written by background tasks (the PNG's
 * pixels are taken on the FX thread, encoding and writing happen off it).
 */
public final class StudySummaryView extends BorderPane {
    private final StudyReport report;
    private final TaskExecutor executor;
    private final BarChart<String, Number> chart;
    private final HBox charts;
    private final Label exportStatus = new Label();

    public StudySummaryView(StudyReport report, TaskExecutor executor) {
        this.report = report;
        this.executor = executor;
        StudySummary summary = report.summary();
        chart = meansChart(summary);
        charts = new HBox(12, chart, new LikertChart(report.likert()));
        charts.getStyleClass().add(Looks.PAPER);
        ScrollPane scroll = new ScrollPane(charts);
        setCenter(scroll);
        setBottom(details(summary));
        setPadding(new Insets(10));
    }

    private static BarChart<String, Number> meansChart(StudySummary summary) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("Statement");
        NumberAxis y = new NumberAxis(0, 5, 1);
        y.setLabel("Mean rating");
        BarChart<String, Number> c = new BarChart<>(x, y);
        c.setId("summaryChart");
        c.setTitle("Study " + summary.studyId() + ": " + Plural.of(summary.raters().size(), "rater") + ", "
                + Plural.of(summary.ratings(), "rating"));
        c.setAnimated(false);
        c.setPrefSize(520, 520);
        StringBuilder css = new StringBuilder();
        int i = 0;
        for (StudySummary.MethodLabel m : summary.methods()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m.method().equals(m.label()) ? m.method() : m.method() + " (" + m.label() + ")");
            for (String q : summary.questions()) {
                MethodQuestionStats st = summary.stats(m.method(), q);
                if (!Double.isNaN(st.mean())) {
                    s.getData().add(new XYChart.Data<>(q, st.mean()));
                }
            }
            c.getData().add(s);
            String colour = OkabeIto.method(i);
            css.append(".default-color").append(i).append(".chart-bar { -fx-bar-fill: ").append(colour).append("; }\n");
            css.append(".default-color").append(i).append(".bar-legend-symbol { -fx-background-color: ")
                    .append(colour).append("; }\n");
            i++;
        }
        c.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8)));
        return c;
    }

    private VBox details(StudySummary summary) {
        VBox v = new VBox(4);
        Label agreement = new Label(SummaryText.agreement(summary.agreement()));
        agreement.setId("agreement");
        v.getChildren().add(agreement);
        if (summary.ratings() == 0) {
            v.getChildren().add(new Label("Means: " + SummaryText.NOT_ENOUGH + " (no rating yet)"));
        }
        for (PairedComparison c : summary.comparisons()) {
            v.getChildren().add(new Label(SummaryText.comparison(c)));
        }
        Label raters = new Label("Progress of the raters:");
        raters.setStyle("-fx-font-weight: bold;");
        VBox progress = new VBox(2, raters);
        progress.setId("raterProgress");
        if (report.progress().isEmpty()) {
            progress.getChildren().add(new Label("no rater yet"));
        }
        for (RaterProgress p : report.progress()) {
            ProgressBar bar = new ProgressBar(p.fraction());
            bar.setPrefWidth(160);
            Label text = new Label(String.format(Locale.ROOT, "%s: %d / %d answers (%.0f %%)%s", p.rater(), p.answered(),
                    p.total(), 100 * p.fraction(), p.complete() ? ", complete" : ""));
            HBox row = new HBox(8, bar, text);
            row.setAlignment(Pos.CENTER_LEFT);
            progress.getChildren().add(row);
        }
        v.getChildren().add(progress);
        Button csv = new Button("Export ratings as CSV...");
        csv.setId("exportCsv");
        csv.setOnAction(e -> choose("ratings.csv", "CSV", "*.csv", this::exportCsv));
        Button png = new Button("Save charts as PNG...");
        png.setId("saveChart");
        png.setOnAction(e -> choose("study-summary.png", "PNG image", "*.png", this::saveChart));
        exportStatus.setId("exportStatus");
        HBox bar = new HBox(8, csv, png, exportStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 0, 0));
        v.getChildren().add(bar);
        return v;
    }

    private void choose(String name, String what, String pattern, java.util.function.Consumer<Path> then) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            then.accept(f.toPath());
        }
    }

    /** Writes the effective ratings as a long-format CSV (background task; replaces the file). */
    public BackgroundTask<Integer> exportCsv(Path file) {
        return executor.execute(BackgroundTask.of("Exporting the ratings", ctx ->
                RatingCsvExport.write(report.study().plan(), report.ratings(), false, file, true))
                .onLane(TaskLane.JOURNAL).failureTitle("Cannot export the ratings")
                .onSuccess(rows -> exportStatus.setText("Wrote " + Plural.of(rows, "rating") + " to " + file)));
    }

    /** Writes the two charts as shown to a PNG file: pixels taken here (FX thread), written in the background. */
    public BackgroundTask<Path> saveChart(Path file) {
        ArgbImage pixels = PngSnapshot.capture(charts);
        return executor.execute(BackgroundTask.of("Saving the charts", ctx -> {
            PngSnapshot.save(pixels, file);
            return file;
        }).onLane(TaskLane.JOURNAL).failureTitle("Cannot save the chart")
                .onSuccess(f -> exportStatus.setText("Saved the charts to " + f)));
    }

    public BarChart<String, Number> chart() {
        return chart;
    }
}
