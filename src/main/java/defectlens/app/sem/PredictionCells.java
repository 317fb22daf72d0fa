package defectlens.app.sem;

import defectlens.app.look.Looks;
import defectlens.dataset.SemSample;
import defectlens.model.Prediction;
import java.util.Locale;
import javafx.scene.control.Label;

/**
 * The prediction line of a browser row: predicted class and confidence, red when the model disagrees
 * with the image's label, hidden while the image has no prediction.
 */
final class PredictionCells {
    private static final String AGREES = "-fx-font-size: 11px;";
    private static final String DIFFERS = "-fx-font-size: 11px; -fx-font-weight: bold;";

    private PredictionCells() {
    }

    /** The text of a row's prediction line, e.g. {@code predicted line_break 87 %}. */
    static String text(Prediction p) {
        return String.format(Locale.ROOT, "predicted %s %.0f %%", p.label(), 100 * p.confidence());
    }

    static void show(Label line, ClassificationViewModel predictions, SemSample s) {
        Prediction p = predictions == null ? null : predictions.predictionOf(s);
        line.setVisible(p != null);
        line.setManaged(p != null);
        if (p == null) {
            line.setText(null);
            return;
        }
        line.setText(text(p));
        boolean differs = predictions.differsFromLabel(s);
        line.setStyle(differs ? DIFFERS : AGREES);
        Looks.choose(line, differs ? Looks.DANGER : Looks.SUCCESS, Looks.TEXT_COLOURS);
    }
}
