package defectlens.app.explain;

import defectlens.app.common.FxImages;
import defectlens.app.common.ViewerTransform;
import defectlens.app.look.Looks;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * One pane of the compare view: a title, the image with its overlay drawn through the shared
 * {@link LinkedViewerTransform} (wheel zooms and dragging pans every pane together), and the
 * pane's agreement figures with the ground-truth mask.
 */
public final class ComparePane extends VBox {
    private final Pane view = new Pane();
    private final Affine affine = new Affine();
    private final LinkedViewerTransform linked;
    private Point2D dragFrom;

    public ComparePane(CompareViewModel.Panel panel, String agreement, LinkedViewerTransform linked, double size) {
        this.linked = linked;
        setSpacing(4);
        getStyleClass().add("compare-pane");
        Label title = new Label(panel.title());
        title.setStyle("-fx-font-weight: bold;");
        ImageView base = new ImageView(FxImages.toFx(panel.base()));
        base.setSmooth(false);
        Group content = new Group(base);
        if (panel.overlay() != null) {
            ImageView over = new ImageView(FxImages.toFx(panel.overlay()));
            over.setSmooth(false);
            over.setOpacity(0.55);
            content.getChildren().add(over);
        }
        content.getTransforms().add(affine);
        view.getChildren().add(content);
        view.setPrefSize(size, size);
        view.setMinSize(size, size);
        view.setMaxSize(size, size);
        view.getStyleClass().add(Looks.IMAGE_SURFACE);
        view.setClip(new Rectangle(size, size));
        Label figures = new Label(agreement);
        figures.getStyleClass().add("compare-agreement");
        figures.setMinHeight(34);
        figures.setWrapText(true);
        figures.setMaxWidth(size);
        getChildren().addAll(title, view, figures);
        apply();
        linked.revisionProperty().addListener((o, a, b) -> apply());
        view.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                linked.zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.004));
            }
            e.consume();
        });
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragFrom = new Point2D(e.getX(), e.getY()));
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragFrom != null) {
                linked.pan(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
                dragFrom = new Point2D(e.getX(), e.getY());
            }
        });
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragFrom = null);
    }

    private void apply() {
        ViewerTransform t = linked.transform();
        affine.setToTransform(t.scale(), 0, t.tx(), 0, t.scale(), t.ty());
    }

    /** The image area of the pane (where the wheel and drags act). */
    public Pane view() {
        return view;
    }

    /** The pane point of the centre of image pixel (x, y). */
    public Point2D screenOf(int x, int y) {
        ViewerTransform t = linked.transform();
        return new Point2D((x + 0.5) * t.scale() + t.tx(), (y + 0.5) * t.scale() + t.ty());
    }
}
