package defectlens.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one edit while it happens: before a tool changes pixels it calls {@link #touch} with the rectangle it
 * will change, and each tile of it not seen yet is saved as it was. {@link #finish} keeps the tiles that really
 * changed, with their new content, as a {@link MaskEdit}.
 */
final class EditRecorder {
    private final MaskRaster raster;
    private final String name;
    private final Map<Long, long[]> before = new LinkedHashMap<>();
    private final int tilesPerRow;

    EditRecorder(MaskRaster raster, String name) {
        this.raster = raster;
        this.name = name;
        this.tilesPerRow = (raster.width() + MaskTile.SIZE - 1) / MaskTile.SIZE;
    }

    /** Saves the tiles of {@code r} (clipped to the image) that this edit has not touched yet; returns it clipped. */
    PixelRect touch(PixelRect r) {
        PixelRect c = r.clip(raster.width(), raster.height());
        if (c.isEmpty()) {
            return c;
        }
        for (int ty = c.y() / MaskTile.SIZE; ty <= (c.bottom() - 1) / MaskTile.SIZE; ty++) {
            for (int tx = c.x() / MaskTile.SIZE; tx <= (c.right() - 1) / MaskTile.SIZE; tx++) {
                long key = (long) ty * tilesPerRow + tx;
                if (!before.containsKey(key)) {
                    before.put(key, MaskTile.read(raster, tx, ty));
                }
            }
        }
        return c;
    }

    /** The edit, or null when no pixel changed. */
    MaskEdit finish() {
        List<MaskEdit.TileChange> changes = new ArrayList<>();
        PixelRect bounds = PixelRect.EMPTY;
        for (Map.Entry<Long, long[]> e : before.entrySet()) {
            int tx = (int) (e.getKey() % tilesPerRow);
            int ty = (int) (e.getKey() / tilesPerRow);
            long[] after = MaskTile.read(raster, tx, ty);
            if (!Arrays.equals(after, e.getValue())) {
                changes.add(new MaskEdit.TileChange(tx, ty, e.getValue(), after));
                bounds = bounds.union(MaskTile.rect(raster, tx, ty));
            }
        }
        return changes.isEmpty() ? null : new MaskEdit(name, changes, bounds);
    }
}
