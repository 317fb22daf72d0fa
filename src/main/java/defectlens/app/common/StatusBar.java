package defectlens.app.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A status line: message on the left, extra read-outs, and a progress bar with Cancel while work runs. */
public final class StatusBar extends HBox {
    public StatusBar(String idPrefix, StringProperty status, DoubleProperty progress, BooleanProperty busy,
            Runnable cancel, Node... extras) {
        super(12);
        Label text = new Label();
        text.setId(idPrefix + "status");
        text.textProperty().bind(status);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "progress");
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(busy);
        Button stop = new Button("Cancel");
        stop.setId(idPrefix + "cancel");
        stop.visibleProperty().bind(busy);
        stop.setOnAction(e -> cancel.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(text, spring);
        getChildren().addAll(extras);
        getChildren().addAll(bar, stop);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("status-bar");
    }
}
