package defectlens.app.study;

import defectlens.app.common.FxImages;
import defectlens.app.look.Looks;
import defectlens.explain.ExplanationPictures;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The colour legend beside the explanation: the one colour map every study picture uses
 * ({@link ExplanationPictures#COLORMAP}), from low to high relevance, on the same 0-1 scale for every method,
 * so a colour means the same in Explanation A and Explanation B.
 */
public final class HeatmapLegend extends VBox {
    public HeatmapLegend(double width) {
        setId("heatmapLegend");
        ImageView bar = new ImageView(FxImages.toFx(ExplanationPictures.COLORMAP.legend((int) width, 12)));
        Label low = new Label("low");
        Label high = new Label("high relevance");
        HBox ends = new HBox(low, new javafx.scene.layout.Region(), high);
        javafx.scene.layout.HBox.setHgrow(ends.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        ends.setMaxWidth(width);
        ends.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Same colours and scale for every explanation; each map runs from its weakest (0) to its "
                + "strongest (1) area, weak areas left uncoloured.");
        note.setWrapText(true);
        note.setMaxWidth(width);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setStyle("-fx-font-size: 10px;");
        note.getStyleClass().add(Looks.MUTED);
        for (Label l : new Label[] {low, high}) {
            l.setStyle("-fx-font-size: 10px;");
        }
        setSpacing(2);
        getChildren().addAll(bar, ends, note);
    }
}
