package defectlens.app.mask;

import defectlens.mask.EditableMaskLayer;
import defectlens.mask.PixelRect;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The mask under edit drawn as a grid of 256 x 256 pictures in image coordinates. An edit redraws only the tiles it
 * touched, so JavaFX uploads and repaints a few small textures instead of the whole mask: on a 4096 x 4096 image
 * a brush dab repaints a patch of the screen, not the full viewer.
 */
public final class TiledMaskView extends Group {
    private static final int TILE = 256;

    private final int width;
    private final int height;
    private final int columns;
    private final WritableImage[] tiles;
    private EditableMaskLayer layer;

    public TiledMaskView(EditableMaskLayer layer) {
        this.layer = layer;
        this.width = layer.width();
        this.height = layer.height();
        this.columns = (width + TILE - 1) / TILE;
        int rows = (height + TILE - 1) / TILE;
        tiles = new WritableImage[columns * rows];
        for (int ty = 0; ty < rows; ty++) {
            for (int tx = 0; tx < columns; tx++) {
                int w = Math.min(TILE, width - tx * TILE);
                int h = Math.min(TILE, height - ty * TILE);
                WritableImage img = new WritableImage(w, h);
                tiles[ty * columns + tx] = img;
                ImageView v = new ImageView(img);
                v.setSmooth(false);
                v.setX(tx * TILE);
                v.setY(ty * TILE);
                getChildren().add(v);
            }
        }
        setMouseTransparent(true);
        redraw(new PixelRect(0, 0, width, height));
    }

    /** Draws the layer anew in another style. */
    public void setLayer(EditableMaskLayer l) {
        layer = l;
        redraw(new PixelRect(0, 0, width, height));
    }

    /** Redraws the pixels of a rectangle (grown by one pixel, for the outline style), tile by tile. */
    public void redraw(PixelRect changed) {
        PixelRect r = changed.grow(1).clip(width, height);
        if (r.isEmpty()) {
            return;
        }
        for (int ty = r.y() / TILE; ty <= (r.bottom() - 1) / TILE; ty++) {
            for (int tx = r.x() / TILE; tx <= (r.right() - 1) / TILE; tx++) {
                PixelRect part = new PixelRect(tx * TILE, ty * TILE, TILE, TILE).clip(width, height);
                int x0 = Math.max(part.x(), r.x());
                int y0 = Math.max(part.y(), r.y());
                PixelRect p = new PixelRect(x0, y0, Math.min(part.right(), r.right()) - x0,
                        Math.min(part.bottom(), r.bottom()) - y0);
                int[] px = layer.render(p);
                tiles[ty * columns + tx].getPixelWriter().setPixels(p.x() - part.x(), p.y() - part.y(), p.width(),
                        p.height(), PixelFormat.getIntArgbInstance(), px, 0, p.width());
            }
        }
    }
}
