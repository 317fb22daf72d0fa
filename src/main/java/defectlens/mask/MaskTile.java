package defectlens.mask;

/**
 * One 64 x 64 tile of a {@link MaskRaster} packed into 64 longs (one row per long, one bit per column): the unit in
 * which an edit keeps the mask as it was before and after, so an undo of a brush stroke on a 4096 x 4096 image
 * copies a few kilobytes instead of the whole mask.
 */
final class MaskTile {
    static final int SIZE = 64;

    private MaskTile() {
    }

    /** The pixels of the tile at tile column {@code tx}, tile row {@code ty}, packed. */
    static long[] read(MaskRaster r, int tx, int ty) {
        byte[] bits = r.bits();
        int x0 = tx * SIZE;
        int y0 = ty * SIZE;
        int w = Math.min(SIZE, r.width() - x0);
        int h = Math.min(SIZE, r.height() - y0);
        long[] rows = new long[h];
        for (int j = 0; j < h; j++) {
            int base = (y0 + j) * r.width() + x0;
            long row = 0;
            for (int i = 0; i < w; i++) {
                row |= ((long) bits[base + i]) << i;
            }
            rows[j] = row;
        }
        return rows;
    }

    /** Writes packed pixels back into the tile. */
    static void write(MaskRaster r, int tx, int ty, long[] rows) {
        byte[] bits = r.bits();
        int x0 = tx * SIZE;
        int y0 = ty * SIZE;
        int w = Math.min(SIZE, r.width() - x0);
        for (int j = 0; j < rows.length; j++) {
            int base = (y0 + j) * r.width() + x0;
            long row = rows[j];
            for (int i = 0; i < w; i++) {
                bits[base + i] = (byte) ((row >>> i) & 1L);
            }
        }
    }

    /** The image rectangle of a tile. */
    static PixelRect rect(MaskRaster r, int tx, int ty) {
        return new PixelRect(tx * SIZE, ty * SIZE, SIZE, SIZE).clip(r.width(), r.height());
    }
}
