package defectlens.app.study;

import defectlens.app.explain.LinkedViewerTransform;
import defectlens.app.common.ViewerTransform;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * One picture of the rating window (the image, or the explanation) in a pane that shares its zoom and pan with the
 * other through a {@link LinkedViewerTransform}: the wheel zooms towards the cursor and a drag pans both pictures,
 * so the rater compares the same spot. Pixels are drawn unsmoothed, so 1:1 shows the image as recorded.
 */
public final class LinkedPicturePane extends Pane {
    private final ImageView view = new ImageView();
    private final Affine affine = new Affine();
    private final LinkedViewerTransform linked;
    private Point2D dragFrom;

    public LinkedPicturePane(LinkedViewerTransform linked, double width, double height) {
        this.linked = linked;
        view.setSmooth(false);
        Group content = new Group(view);
        content.getTransforms().add(affine);
        getChildren().add(content);
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        setStyle("-fx-background-color: #1e1f22;");
        setClip(new Rectangle(width, height));
        apply();
        linked.revisionProperty().addListener((o, a, b) -> apply());
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                linked.zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.004));
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragFrom = new Point2D(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragFrom != null) {
                linked.pan(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
                dragFrom = new Point2D(e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragFrom = null);
    }

    public void setImage(Image image) {
        view.setImage(image);
    }

    public Image getImage() {
        return view.getImage();
    }

    private void apply() {
        ViewerTransform t = linked.transform();
        affine.setToTransform(t.scale(), 0, t.tx(), 0, t.scale(), t.ty());
    }
}
