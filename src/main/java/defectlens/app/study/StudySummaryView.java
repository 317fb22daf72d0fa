package defectlens.app.study;

import defectlens.study.MethodQuestionStats;
import defectlens.study.PairedComparison;
import defectlens.study.StudySummary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The summary of a study for the analyst: a bar chart of the mean rating per question (categories)
 * and method (series, named with the method and the label raters saw), the agreement and the paired
 * tests below it, and a button that saves the chart as PNG.
 */
public final class StudySummaryView extends BorderPane {
    private final BarChart<String, Number> chart;
    private final StudySummary summary;
    private Consumer<Throwable> errorHandler = e -> { };

    public StudySummaryView(StudySummary summary) {
        this.summary = summary;
        CategoryAxis x = new CategoryAxis();
        x.setLabel("Question");
        NumberAxis y = new NumberAxis(0, 5, 1);
        y.setLabel("Mean rating");
        chart = new BarChart<>(x, y);
        chart.setId("summaryChart");
        chart.setTitle("Study " + summary.studyId() + ": " + summary.raters().size() + " raters, " + summary.ratings() + " ratings");
        chart.setAnimated(false);
        for (StudySummary.MethodLabel m : summary.methods()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m.method() + " (" + m.label() + ")");
            for (String q : summary.questions()) {
                MethodQuestionStats st = summary.stats(m.method(), q);
                s.getData().add(new XYChart.Data<>(q, Double.isNaN(st.mean()) ? 0 : st.mean()));
            }
            chart.getData().add(s);
        }
        setCenter(chart);
        setBottom(details());
        setPadding(new Insets(10));
    }

    private VBox details() {
        VBox v = new VBox(4);
        v.getChildren().add(new Label(String.format(Locale.ROOT, "Krippendorff's alpha (ordinal): %.3f over %d units",
                summary.agreement().alpha(), summary.agreement().pairableUnits())));
        for (PairedComparison c : summary.comparisons()) {
            v.getChildren().add(new Label(String.format(Locale.ROOT, "%s  %s vs %s: %d pairs, mean difference %.2f, W = %.1f, p = %.4f%s",
                    c.question(), c.methodA(), c.methodB(), c.n(), c.meanDifference(), c.statistic(), c.pValue(),
                    c.exact() ? " (exact)" : "")));
        }
        Button save = new Button("Save chart as PNG…");
        save.setId("saveChart");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("study-summary.png");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            var f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                try {
                    saveChart(f.toPath());
                } catch (RuntimeException ex) {
                    errorHandler.accept(ex);
                }
            }
        });
        HBox bar = new HBox(save);
        bar.setPadding(new Insets(6, 0, 0, 0));
        v.getChildren().add(bar);
        return v;
    }

    /** Writes the chart as it is shown to a PNG file (FX thread). */
    public void saveChart(Path file) {
        PngSnapshot.write(chart, file);
    }

    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    public BarChart<String, Number> chart() {
        return chart;
    }
}
