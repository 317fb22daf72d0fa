package defectlens.app.sem;

import defectlens.app.look.Looks;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The browser's review aids once a model has classified the data set: keep only the images whose
 * prediction differs from their label, and order the list least certain first; the progress of a
 * running classification with its Cancel button.
 */
public final class PredictionReviewBar extends VBox {
    public PredictionReviewBar(ClassificationViewModel c) {
        super(4);
        Label status = new Label();
        status.setId("classifyStatus");
        status.setStyle("-fx-font-size: 11px;");
        status.getStyleClass().add(Looks.MUTED);
        status.textProperty().bind(c.statusProperty());
        status.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("classifyProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(c.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("classifyCancel");
        cancel.setOnAction(e -> c.cancel());
        HBox running = new HBox(6, bar, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(c.busyProperty());
        running.managedProperty().bind(c.busyProperty());
        Label cellText = new Label();
        cellText.setId("cellText");
        Button all = new Button("Show all");
        all.setId("cellClear");
        all.setOnAction(e -> c.cellProperty().set(null));
        HBox cellBar = new HBox(6, cellText, all);
        cellBar.setAlignment(Pos.CENTER_LEFT);
        cellBar.visibleProperty().bind(c.cellProperty().isNotNull());
        cellBar.managedProperty().bind(cellBar.visibleProperty());
        c.cellProperty().addListener((o, a, v) -> cellText.setText(v == null ? ""
                : "Cell: " + v[0] + " \u2192 " + v[1]));
        getChildren().addAll(reviewAids("", c.differsOnlyProperty(), c.leastCertainFirstProperty()), cellBar, status,
                running);
    }

    /**
     * The two review aids, bound to a browser's properties: a "Prediction differs from label" check box
     * ({@code differsFilter}) and a "Least certain first" toggle ({@code confidenceSort}); ids start with
     * {@code idPrefix} when given (the wafer tab: {@code waferDiffersFilter}, {@code waferConfidenceSort}).
     */
    public static FlowPane reviewAids(String idPrefix, BooleanProperty differsOnly, BooleanProperty leastCertainFirst) {
        CheckBox differs = new CheckBox("Prediction differs from label");
        differs.setId(id(idPrefix, "differsFilter"));
        differs.selectedProperty().bindBidirectional(differsOnly);
        ToggleButton leastCertain = new ToggleButton("Least certain first");
        leastCertain.setId(id(idPrefix, "confidenceSort"));
        leastCertain.setTooltip(new Tooltip("Sort by the confidence of the predicted class, lowest first"));
        leastCertain.selectedProperty().bindBidirectional(leastCertainFirst);
        // wraps onto a second line in a narrow browser instead of cutting the texts
        FlowPane aids = new FlowPane(8, 4, differs, leastCertain);
        aids.setAlignment(Pos.CENTER_LEFT);
        differs.setMinWidth(Region.USE_PREF_SIZE);
        leastCertain.setMinWidth(Region.USE_PREF_SIZE);
        return aids;
    }

    private static String id(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
