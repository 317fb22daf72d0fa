package defectlens.app.sem;

import defectlens.app.common.FxImages;
import defectlens.app.common.LoadedImage;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.common.ViewerTransform;
import defectlens.app.look.Looks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * The image viewer: the windowed image with its overlay layers stacked on top, zoom towards the
 * cursor with the wheel, pan by dragging (or with space held), fit (F) and 1:1 (1), and the pixel
 * coordinates and raw value under the cursor; a fitted image is fitted again when the viewer is resized.
 * A {@link ViewerTool} (the mask editor) may take over the primary button; Space + drag and the middle button
 * pan then.
 */
public final class ImageViewer extends Pane {
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final ObservableList<OverlayLayerModel> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private final ViewerTransform transform = new ViewerTransform();
    private final Affine affine = new Affine();
    private final ImageView base = new ImageView();
    private final Group overlays = new Group();
    private final Group toolPreview = new Group();
    private final Group content = new Group(base, overlays, toolPreview);
    private final ObjectProperty<ViewerTool> tool = new SimpleObjectProperty<>();
    private boolean toolDrag;
    private boolean spaceHeld;
    private Point2D dragFrom;
    private boolean fitPending = true;
    /** True while the image is shown fitted, until the user zooms or pans. */
    private boolean fitted;

    public ImageViewer() {
        getStyleClass().add("image-viewer");
        getStyleClass().add(Looks.IMAGE_SURFACE);
        setFocusTraversable(true);
        base.setSmooth(false);
        content.getTransforms().add(affine);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        image.addListener((obs, old, img) -> {
            base.setImage(img == null ? null : FxImages.toFx(img.display()));
            boolean sameSize = old != null && img != null && old.raster().width() == img.raster().width()
                    && old.raster().height() == img.raster().height();
            if (!sameSize) {
                fitPending = true;
                requestLayout();
            }
        });
        layers.addListener((ListChangeListener<OverlayLayerModel>) c -> rebuildOverlays());
        tool.addListener((o, a, t) -> {
            toolPreview.getChildren().clear();
            if (t != null) {
                toolPreview.getChildren().add(t.preview());
            }
        });
        // a fitted image stays fitted when the viewer changes size (window resized, divider moved)
        widthProperty().addListener((o, a, b) -> refitIfFitted());
        heightProperty().addListener((o, a, b) -> refitIfFitted());

        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.004));
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (tool.get() != null && e.getButton() == MouseButton.PRIMARY && !spaceHeld) {
                toolDrag = true;
                tool.get().pressed(transform.imageX(e.getX()), transform.imageY(e.getY()), e);
                return;
            }
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE || spaceHeld) {
                dragFrom = new Point2D(e.getX(), e.getY());
                setCursor(Cursor.CLOSED_HAND);
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (toolDrag && tool.get() != null) {
                tool.get().dragged(transform.imageX(e.getX()), transform.imageY(e.getY()), e);
            } else if (dragFrom != null) {
                pan(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
                dragFrom = new Point2D(e.getX(), e.getY());
            }
            updateCursorText(e.getX(), e.getY());
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (toolDrag && tool.get() != null) {
                tool.get().released(transform.imageX(e.getX()), transform.imageY(e.getY()), e);
            }
            toolDrag = false;
            dragFrom = null;
            setCursor(spaceHeld ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            updateCursorText(e.getX(), e.getY());
            if (tool.get() != null) {
                tool.get().moved(transform.imageX(e.getX()), transform.imageY(e.getY()));
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursorText.set(""));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceHeld = true;
                setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceHeld = false;
                setCursor(Cursor.DEFAULT);
            }
        });
    }

    /**
     * The viewer's keys, wherever the focus is in its tab: F fits, 1 shows 1:1, + and - zoom about the centre.
     * Returns whether the key was one of them (the caller consumes the event then).
     */
    public boolean handleKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.F) {
            fit();
        } else if (code == KeyCode.DIGIT1 || code == KeyCode.NUMPAD1) {
            actualSize();
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            zoomAt(getWidth() / 2, getHeight() / 2, 1.25);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomAt(getWidth() / 2, getHeight() / 2, 0.8);
        } else {
            return false;
        }
        return true;
    }

    private void rebuildOverlays() {
        overlays.getChildren().clear();
        for (OverlayLayerModel m : layers) {
            javafx.scene.Node v = m.view();
            if (v == null) {
                ImageView picture = new ImageView();
                picture.setSmooth(false);
                picture.imageProperty().bind(m.pictureProperty());
                v = picture;
            }
            v.opacityProperty().bind(m.opacityProperty());
            v.visibleProperty().bind(m.visibleProperty());
            overlays.getChildren().add(v);
        }
    }

    private void refitIfFitted() {
        fitPending |= fitted;
        fitIfPending();
    }

    private void fitIfPending() {
        if (fitPending && image.get() != null && getWidth() > 0 && getHeight() > 0) {
            fit();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        fitIfPending();
    }

    private void apply() {
        affine.setToTransform(transform.scale(), 0, transform.tx(), 0, transform.scale(), transform.ty());
        zoom.set(transform.scale());
    }

    public void fit() {
        LoadedImage img = image.get();
        if (img != null && getWidth() > 0) {
            transform.fit(getWidth(), getHeight(), img.raster().width(), img.raster().height());
            fitPending = false;
            fitted = true;
            apply();
        }
    }

    public void actualSize() {
        transform.actualSize(getWidth(), getHeight());
        fitted = false;
        apply();
    }

    public void zoomAt(double x, double y, double factor) {
        transform.zoomAt(x, y, factor);
        fitPending = false;
        fitted = false;
        apply();
        updateCursorText(x, y);
    }

    public void pan(double dx, double dy) {
        transform.pan(dx, dy);
        fitPending = false;
        fitted = false;
        apply();
    }

    private void updateCursorText(double sx, double sy) {
        LoadedImage img = image.get();
        if (img == null) {
            cursorText.set("");
            return;
        }
        int x = (int) Math.floor(transform.imageX(sx));
        int y = (int) Math.floor(transform.imageY(sy));
        if (x < 0 || y < 0 || x >= img.raster().width() || y >= img.raster().height()) {
            cursorText.set("");
            return;
        }
        StringBuilder sb = new StringBuilder("x " + x + "  y " + y + "  value " + img.valueAt(x, y));
        for (OverlayLayerModel m : layers) {
            String d = m.getLayer().describeAt(x, y);
            if (m.visibleProperty().get() && !d.isEmpty()) {
                sb.append("  |  ").append(m.name()).append(": ").append(d);
            }
        }
        cursorText.set(sb.toString());
    }

    /** Screen point (in this viewer) of the centre of image pixel (x, y). */
    public Point2D screenOf(int x, int y) {
        return new Point2D((x + 0.5) * transform.scale() + transform.tx(), (y + 0.5) * transform.scale() + transform.ty());
    }

    public ObjectProperty<LoadedImage> imageProperty() {
        return image;
    }

    /** The tool the primary button uses instead of panning; null to pan (the default). */
    public ObjectProperty<ViewerTool> toolProperty() {
        return tool;
    }

    /** The image point (fractional pixels) under a point of this viewer. */
    public Point2D imagePointOf(double sx, double sy) {
        return new Point2D(transform.imageX(sx), transform.imageY(sy));
    }

    public ObservableList<OverlayLayerModel> layers() {
        return layers;
    }

    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }
}
