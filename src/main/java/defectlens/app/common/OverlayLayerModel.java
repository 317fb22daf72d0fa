package defectlens.app.common;

import defectlens.image.OverlayLayer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
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

    public OverlayLayerModel(OverlayLayer layer, double opacity) {
        this.opacity = new SimpleDoubleProperty(opacity);
        setLayer(layer);
    }

    /** Replaces the layer (e.g. mask fill to outline) and renders it. */
    public void setLayer(OverlayLayer l) {
        layer.set(l);
        picture.set(FxImages.toFx(l.render()));
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
}
