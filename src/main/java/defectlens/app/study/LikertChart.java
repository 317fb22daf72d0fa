package defectlens.app.study;

import defectlens.app.look.Looks;
import defectlens.study.LikertCounts;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The conventional Likert chart: one diverging stacked bar per statement and method, the disagreeing answers (and
 * half the neutral ones) left of the centre line, the agreeing ones right, each segment as a share of that row's
 * answers, in the {@link OkabeIto} answer colours, with the scale's anchors as legend. A row without answers reads
 * "not enough data (no rating)".
 */
public final class LikertChart extends VBox {
    private static final double LABEL_W = 190;
    private static final double BAR_W = 420;
    private static final double ROW_H = 18;
    private static final double GAP = 4;
    private static final double GROUP_GAP = 8;

    public LikertChart(LikertCounts counts) {
        setId("likertChart");
        setSpacing(6);
        getStyleClass().add(Looks.PAPER);
        int points = counts.scale().points();
        HBox legend = new HBox(10);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (int v = 0; v < points; v++) {
            Rectangle sw = new Rectangle(12, 12, Color.web(OkabeIto.likert(v, points)));
            Label l = new Label(counts.scale().anchor(counts.scale().min() + v), sw);
            l.setStyle("-fx-font-size: 11px;");
            legend.getChildren().add(l);
        }
        Pane plot = new Pane();
        double centre = LABEL_W + BAR_W / 2;
        double y = 18;
        String lastQuestion = null;
        for (LikertCounts.Row row : counts.rows()) {
            if (lastQuestion != null && !lastQuestion.equals(row.question())) {
                y += GROUP_GAP;
            }
            lastQuestion = row.question();
            Text name = new Text(row.question() + "  " + row.label() + nameSuffix(row));
            name.setTextOrigin(VPos.CENTER);
            name.setX(4);
            name.setY(y + ROW_H / 2);
            name.setStyle("-fx-font-size: 11px;");
            plot.getChildren().add(name);
            if (row.n() == 0) {
                Text none = new Text("not enough data (no rating)");
                none.setTextOrigin(VPos.CENTER);
                none.setX(centre - 70);
                none.setY(y + ROW_H / 2);
                none.setFill(Color.web("#777777"));
                plot.getChildren().add(none);
            } else {
                double[][] seg = LikertCounts.segments(row);
                for (int v = 0; v < points; v++) {
                    double w = (seg[v][1] - seg[v][0]) * BAR_W / 2;
                    if (w <= 0) {
                        continue;
                    }
                    Rectangle r = new Rectangle(centre + seg[v][0] * BAR_W / 2, y, w, ROW_H);
                    r.setFill(Color.web(OkabeIto.likert(v, points)));
                    r.setStroke(Color.WHITE);
                    r.setStrokeWidth(0.5);
                    plot.getChildren().add(r);
                }
                Text n = new Text(String.format(Locale.ROOT, "n = %d", row.n()));
                n.setTextOrigin(VPos.CENTER);
                n.setX(LABEL_W + BAR_W + 8);
                n.setY(y + ROW_H / 2);
                n.setStyle("-fx-font-size: 10px;");
                plot.getChildren().add(n);
            }
            y += ROW_H + GAP;
        }
        Line axis = new Line(centre, 12, centre, y);
        axis.setStroke(Color.web("#333333"));
        plot.getChildren().add(axis);
        for (int pct : new int[] {-100, -50, 0, 50, 100}) {
            double x = centre + pct / 100.0 * BAR_W / 2;
            Text t = new Text(Math.abs(pct) + " %");
            t.setX(x - 12);
            t.setY(10);
            t.setStyle("-fx-font-size: 10px;");
            plot.getChildren().add(t);
        }
        plot.setPrefSize(LABEL_W + BAR_W + 60, y + 4);
        plot.setMinSize(LABEL_W + BAR_W + 60, y + 4);
        Label title = new Label("Answers per statement and method (share of each row's answers; disagree left, "
                + "agree right of the centre line)");
        title.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(title, legend, plot);
    }

    private static String nameSuffix(LikertCounts.Row row) {
        return row.label().equals(row.method()) ? "" : " (" + row.method() + ")";
    }
}
