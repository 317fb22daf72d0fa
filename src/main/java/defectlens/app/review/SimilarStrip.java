package defectlens.app.review;

import defectlens.app.common.FxImages;
import defectlens.image.ArgbImage;
import defectlens.review.PredictionTable;
import defectlens.review.embedding.Neighbour;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "More like this" strip under the viewer: one thumbnail per neighbour of the item in front, each with its
 * row, label, the model's prediction and the reviewers' decision; a click opens it in the desk, and "Send these to
 * the queue" puts them first in the review queue.
 */
public final class SimilarStrip extends VBox {
    static final int THUMB = 72;
    private final SimilarStripViewModel vm;
    private final HBox cells = new HBox(6);

    public SimilarStrip(SimilarStripViewModel vm) {
        super(4);
        this.vm = vm;
        setId("similarStrip");
        setPadding(new Insets(4, 6, 4, 6));
        setStyle("-fx-background-color: #2b2d31;");
        Label title = new Label("More like this");
        title.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        Label status = new Label();
        status.setId("similarStatus");
        status.setStyle("-fx-text-fill: #bbb; -fx-font-size: 11px;");
        status.textProperty().bind(vm.statusProperty());
        Button send = new Button("Send these to the queue");
        send.setId("similarToQueue");
        send.setOnAction(e -> vm.sendToQueue());
        send.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.neighbours()));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.job().busyProperty());
        cancel.managedProperty().bind(vm.job().busyProperty());
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(8, title, send, cancel);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(cells);
        scroll.setFitToHeight(true);
        scroll.setPrefViewportHeight(THUMB + 54);
        scroll.setStyle("-fx-background: #2b2d31; -fx-background-color: #2b2d31;");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, status, scroll);
        vm.neighbours().addListener((ListChangeListener<Neighbour>) c -> rebuild());
        vm.review().revisionProperty().addListener((o, a, b) -> rebuild());
    }

    private void rebuild() {
        cells.getChildren().clear();
        OpenedReview o = vm.review().opened();
        if (o == null) {
            return;
        }
        int k = 0;
        for (Neighbour n : vm.neighbours()) {
            cells.getChildren().add(cell(o, n, k++));
        }
    }

    private VBox cell(OpenedReview o, Neighbour n, int k) {
        int i = n.item();
        ArgbImage thumb = vm.picture(i);
        ImageView picture = thumb == null ? new ImageView() : new ImageView(FxImages.toFx(thumb));
        picture.setFitWidth(THUMB);
        picture.setFitHeight(THUMB);
        picture.setPreserveRatio(true);
        PredictionTable t = o.session().table();
        Label id = new Label(String.format(Locale.ROOT, "%s  cos %.2f", t.id(i), n.similarity()));
        Label label = new Label((t.labelName(i) == null ? "unlabelled" : t.labelName(i)) + " \u2192 "
                + (t.isDone(i) ? t.predictedName(i) : "?"));
        Label decision = new Label(ItemTexts.decision(o.session(), i));
        for (Label l : new Label[] {id, label, decision}) {
            l.setStyle("-fx-text-fill: #ddd; -fx-font-size: 10px;");
            l.setMaxWidth(THUMB + 40);
        }
        VBox cell = new VBox(2, picture, id, label, decision);
        cell.setId("similar-" + k);
        cell.setAlignment(Pos.TOP_CENTER);
        cell.setPadding(new Insets(2));
        cell.setStyle("-fx-border-color: #555; -fx-cursor: hand;");
        cell.setOnMouseClicked(e -> vm.open(i));
        return cell;
    }
}
