package defectlens.app;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The wafer-maps tab: the wafer list on the left, the selected map in the centre, a status bar below. */
public final class WaferPane extends BorderPane {
    public WaferPane(WaferViewModel vm) {
        WaferBrowserView browser = new WaferBrowserView(vm);
        WaferMapView map = new WaferMapView(vm);
        SplitPane split = new SplitPane(browser, map);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(browser, false);
        setCenter(split);
        setBottom(new StatusBar("wafer", vm.statusProperty(), vm.progressProperty(), vm.busyProperty(), vm::cancel));
    }
}
