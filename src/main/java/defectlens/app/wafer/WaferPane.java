package defectlens.app.wafer;

import defectlens.app.common.StatusBar;
import defectlens.app.review.ConfusionMatrixView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The wafer-maps tab: the wafer list on the left, the selected map in the centre, the rotation/flip side panel on the right, a status bar below. */
public final class WaferPane extends BorderPane {
    public WaferPane(WaferViewModel vm) {
        WaferBrowserView browser = new WaferBrowserView(vm);
        WaferMapView map = new WaferMapView(vm);
        WaferSidePanel side = new WaferSidePanel(vm.side(), vm::classifyAll);
        side.setId("waferSidePanel");
        ConfusionMatrixView confusion = new ConfusionMatrixView(vm.confusion());
        confusion.setId("waferConfusion");
        SplitPane split = new SplitPane(browser, map, new javafx.scene.control.ScrollPane(new VBox(side, confusion)));
        split.setDividerPositions(0.33, 0.68);
        SplitPane.setResizableWithParent(browser, false);
        setCenter(split);
        setBottom(new StatusBar("wafer", vm.statusProperty(), vm.progressProperty(), vm.busyProperty(), vm::cancel));
    }
}
