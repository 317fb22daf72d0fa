package defectlens.app.review;

import defectlens.model.ClassScore;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The confusion matrix panel: counts with colours normalised per true class (white = none of the row, deep
 * blue on the diagonal / deep red off it = all of it), per-class precision, recall and F1 under it, accuracy
 * and macro F1. Clicking a cell hands it to the view-model's cell handler. Cells have ids
 * {@code cell-<truth>-<predicted>} (class indices).
 */
public final class ConfusionMatrixView extends VBox {
    private static final double CELL = 36;
    private final ConfusionMatrixViewModel vm;
    private final GridPane matrix = new GridPane();
    private final GridPane scores = new GridPane();
    private final Label summary = new Label();

    public ConfusionMatrixView(ConfusionMatrixViewModel vm) {
        super(8);
        this.vm = vm;
        setId("confusionMatrix");
        setPadding(new Insets(8));
        matrix.setHgap(1);
        matrix.setVgap(1);
        scores.setHgap(8);
        summary.setId("confusionSummary");
        summary.setWrapText(true);
        Label title = new Label("Confusion matrix (rows: true class, columns: predicted; click a cell to list it)");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(title, matrix, summary, scores);
        vm.countsProperty().addListener((o, a, c) -> draw(c));
        draw(vm.countsProperty().get());
    }

    private void draw(ConfusionCounts c) {
        matrix.getChildren().clear();
        scores.getChildren().clear();
        if (c == null) {
            summary.setText("No predictions to compare with labels yet.");
            return;
        }
        int k = c.classes().size();
        for (int j = 0; j < k; j++) {
            Label head = new Label(String.valueOf(j + 1));
            head.setTooltip(new Tooltip("predicted " + c.classes().get(j)));
            head.setMinWidth(CELL);
            head.setAlignment(Pos.CENTER);
            matrix.add(head, j + 1, 0);
        }
        for (int t = 0; t < k; t++) {
            // the number only (the class names head the scores below): the matrix fits a narrow side panel
            Label rowHead = fixed(String.valueOf(t + 1));
            rowHead.setTooltip(new Tooltip("true " + c.classes().get(t)));
            matrix.add(rowHead, 0, t + 1);
            for (int p = 0; p < k; p++) {
                matrix.add(cell(c, t, p), p + 1, t + 1);
            }
        }
        summary.setText(String.format(Locale.ROOT, "%d items compared, %d left out (no prediction or no label "
                + "among the model's classes); accuracy %.3f, macro F1 %.3f", c.counted(), c.leftOut(),
                c.metrics().accuracy(), c.metrics().macroF1()));
        String[][] heads = {{"class", "true class (its number in the matrix)"}, {"prec.", "precision"},
            {"recall", "recall"}, {"F1", "F1 score"}, {"n", "support: items of this true class"}};
        for (int h = 0; h < heads.length; h++) {
            Label l = fixed(heads[h][0]);
            l.setStyle("-fx-font-weight: bold;");
            l.setTooltip(new Tooltip(heads[h][1]));
            scores.add(l, h, 0);
        }
        int row = 1;
        for (ClassScore s : c.metrics().perClass()) {
            scores.add(fixed(row + " " + s.label()), 0, row);
            scores.add(fixed(String.format(Locale.ROOT, "%.3f", s.precision())), 1, row);
            scores.add(fixed(String.format(Locale.ROOT, "%.3f", s.recall())), 2, row);
            scores.add(fixed(String.format(Locale.ROOT, "%.3f", s.f1())), 3, row);
            scores.add(fixed(String.valueOf(s.support())), 4, row);
            row++;
        }
    }

    /** A label never narrower than its text (its column widens instead of cutting it). */
    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label cell(ConfusionCounts c, int t, int p) {
        Label cell = new Label(String.valueOf(c.count(t, p)));
        cell.setId("cell-" + t + "-" + p);
        cell.setMinSize(CELL, 28);
        cell.setPrefWidth(Region.USE_COMPUTED_SIZE);
        cell.setPadding(new Insets(0, 3, 0, 3));
        cell.setAlignment(Pos.CENTER);
        double share = c.rowShare(t, p);
        cell.setStyle("-fx-background-color: " + colour(share, t == p) + "; -fx-text-fill: "
                + (share > 0.55 ? "white" : "black") + "; -fx-cursor: hand;");
        cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "true %s, predicted %s: %d (%.0f %% of the row)",
                c.classes().get(t), c.classes().get(p), c.count(t, p), 100 * share)));
        cell.setOnMouseClicked(e -> vm.select(t, p));
        return cell;
    }

    /** White to deep blue (diagonal) or deep red (off the diagonal) by the share of the row. */
    static String colour(double share, boolean diagonal) {
        double s = Math.max(0, Math.min(1, share));
        int[] deep = diagonal ? new int[] {21, 101, 192} : new int[] {198, 40, 40};
        int r = (int) Math.round(255 + (deep[0] - 255) * s);
        int g = (int) Math.round(255 + (deep[1] - 255) * s);
        int b = (int) Math.round(255 + (deep[2] - 255) * s);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
