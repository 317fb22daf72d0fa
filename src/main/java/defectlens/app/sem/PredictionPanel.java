package defectlens.app.sem;

import defectlens.app.look.Looks;
import defectlens.model.ClassProbability;
import defectlens.model.Prediction;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The information panel's prediction section: the shown image's top-3 classes, each with a bar and
 * its probability in per cent, or a hint when the image has not been classified.
 */
public final class PredictionPanel extends VBox {
    private final GridPane rows = new GridPane();
    private final Label hint = new Label();

    public PredictionPanel(ClassificationViewModel c) {
        super(6);
        setId("predictionPanel");
        Label title = new Label("Prediction");
        title.setStyle("-fx-font-weight: bold;");
        rows.setHgap(8);
        rows.setVgap(4);
        hint.getStyleClass().add(Looks.MUTED);
        hint.setWrapText(true);
        getChildren().addAll(title, hint, rows);
        c.currentProperty().addListener((o, a, p) -> show(p));
        show(c.currentProperty().get());
    }

    private void show(Prediction p) {
        rows.getChildren().clear();
        hint.setVisible(p == null);
        hint.setManaged(p == null);
        hint.setText("Not classified (Model > Classify image)");
        if (p == null) {
            return;
        }
        int r = 0;
        for (ClassProbability cp : p.top()) {
            Label name = new Label(cp.label());
            name.setId("topClass" + r);
            name.setMinWidth(Region.USE_PREF_SIZE);
            ProgressBar bar = new ProgressBar(cp.probability());
            bar.setId("topBar" + r);
            bar.setPrefWidth(90);
            bar.setMinWidth(30); // the bar gives way in a narrow panel, the texts never
            GridPane.setHgrow(bar, Priority.SOMETIMES);
            Label pct = new Label(String.format(Locale.ROOT, "%.1f %%", 100 * cp.probability()));
            pct.setId("topPercent" + r);
            pct.setAlignment(Pos.CENTER_RIGHT);
            pct.setMinWidth(Region.USE_PREF_SIZE);
            rows.addRow(r++, name, bar, pct);
        }
    }
}
