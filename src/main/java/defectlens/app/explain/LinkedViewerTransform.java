package defectlens.app.explain;

import defectlens.app.common.ViewerTransform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One zoom-and-pan state shared by several image panes (the compare view): every pane draws with
 * the same {@link ViewerTransform}, and any pane's wheel or drag changes it for all of them. Panes
 * listen to {@link #revisionProperty()}, which ticks on every change.
 */
public final class LinkedViewerTransform {
    private final ViewerTransform transform = new ViewerTransform();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

    public ViewerTransform transform() {
        return transform;
    }

    public void zoomAt(double sx, double sy, double factor) {
        transform.zoomAt(sx, sy, factor);
        revision.set(revision.get() + 1);
    }

    public void pan(double dx, double dy) {
        transform.pan(dx, dy);
        revision.set(revision.get() + 1);
    }

    public void fit(double viewW, double viewH, int imageW, int imageH) {
        transform.fit(viewW, viewH, imageW, imageH);
        revision.set(revision.get() + 1);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
