package defectlens.mask;

import java.util.List;

/**
 * One job on the mask's undo/redo stack (Scene Builder's job model): a named change - a brush stroke, a filled
 * polygon, a flood fill - kept as the tiles it changed, each as it was before and after. {@link #undo} and
 * {@link #redo} write those tiles back and return the rectangle to redraw.
 */
public final class MaskEdit {
    /** The packed content of one tile before and after the edit. */
    record TileChange(int tx, int ty, long[] before, long[] after) {
    }

    private final String name;
    private final List<TileChange> tiles;
    private final PixelRect bounds;

    MaskEdit(String name, List<TileChange> tiles, PixelRect bounds) {
        this.name = name;
        this.tiles = List.copyOf(tiles);
        this.bounds = bounds;
    }

    /** What the edit did, for the Edit menu ("Undo Brush stroke"). */
    public String name() {
        return name;
    }

    /** The pixels the edit may have changed. */
    public PixelRect bounds() {
        return bounds;
    }

    /** Bytes kept for undo and redo. */
    public long bytes() {
        long b = 0;
        for (TileChange t : tiles) {
            b += 16L * t.before().length + 32;
        }
        return b;
    }

    /** Puts the tiles back as they were before the edit. */
    public PixelRect undo(MaskRaster r) {
        for (TileChange t : tiles) {
            MaskTile.write(r, t.tx(), t.ty(), t.before());
        }
        return bounds;
    }

    /** Applies the edit again. */
    public PixelRect redo(MaskRaster r) {
        for (TileChange t : tiles) {
            MaskTile.write(r, t.tx(), t.ty(), t.after());
        }
        return bounds;
    }
}
