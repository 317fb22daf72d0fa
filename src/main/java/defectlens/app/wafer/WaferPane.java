package defectlens.app.wafer;

import defectlens.app.common.StatusBar;
import defectlens.app.review.ConfusionMatrixView;
import defectlens.app.review.ReviewDesk;
import defectlens.app.review.ReviewViewModel;
import defectlens.app.review.SimilarStrip;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The wafer-maps tab: the wafer list and the review desk on the left, the selected map in the centre (with the
 * review's "More like this" strip under it while a review is open), the
 * rotation/flip side panel and the confusion matrix on the right, a status bar below.
 */
public final class WaferPane extends BorderPane {
    private final ReviewDesk desk;

    public WaferPane(WaferViewModel vm, ReviewViewModel review) {
        WaferBrowserView browser = new WaferBrowserView(vm);
        WaferMapView map = new WaferMapView(vm);
        WaferSidePanel side = new WaferSidePanel(vm.side(), vm::classifyAll);
        side.setId("waferSidePanel");
        ConfusionMatrixView confusion = new ConfusionMatrixView(vm.confusion());
        confusion.setId("waferConfusion");
        ReviewDesk desk = new ReviewDesk(review, "wafer", browser, confusion);
        SimilarStrip similar = new SimilarStrip(review.similar());
        review.setOnItem(i -> {
            if (review.opened() != null && review.opened().wafer() == vm.datasetProperty().get()) {
                vm.selectedProperty().set(i);
            }
            review.similar().show(i);
        });
        review.setOnOpened(o -> {
            if (o.wafer() != null && vm.datasetProperty().get() != o.wafer()) {
                vm.showDataset(o.wafer());
                vm.selectedProperty().set(review.queue().itemProperty().get());
            }
        });
        this.desk = desk;
        VBox centre = new VBox(map, similar);
        VBox.setVgrow(map, javafx.scene.layout.Priority.ALWAYS);
        similar.visibleProperty().bind(review.sessionProperty().isNotNull());
        similar.managedProperty().bind(review.sessionProperty().isNotNull());
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(new VBox(side, desk.matrix()));
        sideScroll.setFitToWidth(true); // the panel wraps its rows instead of scrolling sideways
        SplitPane split = new SplitPane(desk.left(), centre, sideScroll);
        split.setDividerPositions(0.33, 0.68);
        SplitPane.setResizableWithParent(desk.left(), false);
        setCenter(split);
        setBottom(new StatusBar("wafer", vm.statusProperty(), vm.progressProperty(), vm.busyProperty(), vm::cancel));
    }

    /** The tab's review desk (the window routes the desk's keys to it while the tab is in front). */
    public ReviewDesk desk() {
        return desk;
    }
}
