package defectlens.app.common;

import defectlens.image.MaskOverlay;
import defectlens.image.OverlayLayer;
import defectlens.mask.EditableMaskLayer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.image.Image;

/**
 * One overlay in the viewer: the layer (a ground-truth mask, a CAM heatmap or CRAFT concepts), its
 * rendered picture, and the user's opacity and visibility.
 */
public final class OverlayLayerModel {
    private final ObjectProperty<OverlayLayer> layer = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> picture = new SimpleObjectProperty<>();
    private final DoubleProperty opacity;
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final Node view;

    public OverlayLayerModel(OverlayLayer layer, double opacity) {
        this.opacity = new SimpleDoubleProperty(opacity);
        this.view = null;
        setLayer(layer);
    }

    /**
     * A layer that draws itself: {@code view} (in image coordinates) is shown instead of a rendered picture, e.g.
     * the tiled mask under edit, which redraws only what changed.
     */
    public OverlayLayerModel(OverlayLayer layer, double opacity, Node view) {
        this.opacity = new SimpleDoubleProperty(opacity);
        this.view = view;
        this.layer.set(layer);
    }

    /** Replaces the layer (e.g. mask fill to outline) and renders it (a layer with its own view redraws itself). */
    public void setLayer(OverlayLayer l) {
        layer.set(l);
        if (view == null) {
            picture.set(FxImages.toFx(l.render()));
        }
    }

    /** The node that draws this layer itself, or null when the viewer shows {@link #pictureProperty()}. */
    public Node view() {
        return view;
    }

    public OverlayLayer getLayer() {
        return layer.get();
    }

    public ObjectProperty<OverlayLayer> layerProperty() {
        return layer;
    }

    public ObjectProperty<Image> pictureProperty() {
        return picture;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public String name() {
        return layer.get().name();
    }

    /** True for a ground-truth or edited mask, which the stack keeps above every heatmap. */
    public boolean isMask() {
        return layer.get() instanceof MaskOverlay || layer.get() instanceof EditableMaskLayer;
    }
}
