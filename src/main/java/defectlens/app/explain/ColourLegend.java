package defectlens.app.explain;

import defectlens.app.common.FxImages;
import defectlens.image.Colormap;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The colour bar the viewer's heatmap layers and the compare view share: the colormap from 0 to 1, the threshold
 * under which the image stays plain, and what 1 means (the image's own maximum, or the absolute scale's top).
 * Follows the {@link ExplanationViewModel}'s colormap, threshold and scale.
 */
public final class ColourLegend extends VBox {
    private static final int WIDTH = 240;

    private final ExplanationViewModel vm;
    private final ImageView bar = new ImageView();
    private final Label low = new Label();
    private final Label middle = new Label();
    private final Label high = new Label();

    public ColourLegend(ExplanationViewModel vm) {
        this.vm = vm;
        setId("colourLegend");
        setSpacing(2);
        BorderPane ends = new BorderPane();
        ends.setLeft(low);
        ends.setCenter(middle);
        ends.setRight(high);
        ends.setMaxWidth(WIDTH);
        BorderPane.setAlignment(middle, Pos.CENTER);
        for (Label l : new Label[] {low, middle, high}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(bar, ends);
        vm.colormapProperty().addListener((o, a, b) -> update());
        vm.thresholdProperty().addListener((o, a, b) -> update());
        vm.absoluteScaleProperty().addListener((o, a, b) -> update());
        vm.scaleTopProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Colormap c = vm.colormapProperty().get();
        bar.setImage(FxImages.toFx(c.legend(WIDTH, 12)));
        low.setText("0  ");
        middle.setText(String.format(Locale.ROOT, "hidden below %.2f", vm.thresholdProperty().get()));
        high.setText(vm.absoluteScaleProperty().get()
                ? String.format(Locale.ROOT, "  %.3g (absolute)", vm.scaleTopProperty().get()) : "  1 = image max");
    }

    /** The text under the bar, e.g. {@code 0 | hidden below 0.20 | 1 = image max}. */
    public String text() {
        return low.getText().trim() + " | " + middle.getText() + " | " + high.getText().trim();
    }
}
