package defectlens.app.wafer;

import defectlens.app.common.FxImages;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMapPicture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The selected wafer map drawn large (one crisp square per die), with its legend and facts. */
public final class WaferMapView extends BorderPane {
    private final ImageView picture = new ImageView();
    private final Label title = new Label();
    private final Label facts = new Label();

    public WaferMapView(WaferViewModel vm) {
        setPadding(new Insets(10));
        setStyle("-fx-background-color: #1e1f22;");
        picture.setId("waferPicture");
        picture.setSmooth(false);
        picture.setPreserveRatio(true);
        StackPane holder = new StackPane(picture);
        holder.setMinSize(100, 100);
        picture.fitWidthProperty().bind(holder.widthProperty().subtract(20));
        picture.fitHeightProperty().bind(holder.heightProperty().subtract(20));
        title.setId("waferTitle");
        title.setStyle("-fx-text-fill: white; -fx-font-size: 16px; -fx-font-weight: bold;");
        facts.setId("waferFacts");
        facts.setStyle("-fx-text-fill: #ccc;");
        facts.setWrapText(true);
        title.setWrapText(true);
        setTop(new VBox(4, title, facts));
        setCenter(holder);
        setBottom(legend());
        vm.selectedProperty().addListener((o, a, i) -> show(vm.selectedMap(), i.intValue()));
        vm.datasetProperty().addListener((o, a, d) -> show(vm.selectedMap(), vm.selectedProperty().get()));
    }

    private static HBox legend() {
        HBox box = new HBox(14, swatch(WaferMapPicture.PASS_ARGB, "pass"), swatch(WaferMapPicture.FAIL_ARGB, "fail"),
                swatch(0xFF202326, "no die"));
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(8));
        return box;
    }

    private static HBox swatch(int argb, String text) {
        Rectangle r = new Rectangle(14, 14, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
        r.setStroke(Color.gray(0.6));
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: #ddd;");
        HBox h = new HBox(5, r, l);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private void show(WaferMap m, int index) {
        if (m == null) {
            picture.setImage(null);
            title.setText("No wafer selected");
            facts.setText("");
            return;
        }
        picture.setImage(FxImages.toFx(WaferMapPicture.render(m, WaferMapPicture.scaleFor(m, 600))));
        title.setText("Wafer #" + index + "  " + (m.isLabelled() ? m.label() : "unlabelled"));
        facts.setText(m.rows() + " x " + m.cols() + " dies, " + m.count(WaferMap.FAIL) + " failing, "
                + m.count(WaferMap.PASS) + " passing;  split " + m.split().label() + ";  lot " + m.lotName());
    }
}
