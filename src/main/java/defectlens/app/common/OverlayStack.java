package defectlens.app.common;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * The order of the viewer's overlay layers (first drawn first, the last on top), kept so that heatmaps never hide
 * the mask: ground-truth and edited masks always lie above every other layer. Other layers are added below the
 * masks, can be removed, and move up or down among themselves.
 */
public final class OverlayStack {
    private final ObservableList<OverlayLayerModel> layers;

    public OverlayStack(ObservableList<OverlayLayerModel> layers) {
        this.layers = layers;
    }

    /** Adds a layer, replacing one of the same name in its place; a new non-mask layer goes just below the masks. */
    public void add(OverlayLayerModel layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer.name())) {
                layers.set(i, layer);
                return;
            }
        }
        layers.add(layer.isMask() ? layers.size() : firstMask(), layer);
    }

    /** Removes a layer (a no-op when it is not shown). */
    public void remove(OverlayLayerModel layer) {
        layers.remove(layer);
    }

    /** True when the layer can move one place up (towards the top, drawn later): masks stay on top. */
    public boolean canMoveUp(OverlayLayerModel layer) {
        int i = layers.indexOf(layer);
        return i >= 0 && !layer.isMask() && i + 1 < layers.size() && !layers.get(i + 1).isMask();
    }

    /** True when the layer can move one place down (drawn earlier). */
    public boolean canMoveDown(OverlayLayerModel layer) {
        int i = layers.indexOf(layer);
        return i > 0 && !layer.isMask() && !layers.get(i - 1).isMask();
    }

    /** Moves the layer one place towards the top, if it can. */
    public void moveUp(OverlayLayerModel layer) {
        if (canMoveUp(layer)) {
            swap(layers.indexOf(layer), layers.indexOf(layer) + 1);
        }
    }

    /** Moves the layer one place towards the bottom, if it can. */
    public void moveDown(OverlayLayerModel layer) {
        if (canMoveDown(layer)) {
            swap(layers.indexOf(layer), layers.indexOf(layer) - 1);
        }
    }

    /** The layers, bottom first. */
    public List<OverlayLayerModel> layers() {
        return layers;
    }

    private void swap(int i, int j) {
        OverlayLayerModel a = layers.get(i);
        OverlayLayerModel b = layers.get(j);
        // one change of the list, so listeners (the viewer, the panel) redraw once
        List<OverlayLayerModel> reordered = new java.util.ArrayList<>(layers);
        reordered.set(i, b);
        reordered.set(j, a);
        layers.setAll(reordered);
    }

    private int firstMask() {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).isMask()) {
                return i;
            }
        }
        return layers.size();
    }
}
