package defectlens.explain;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import java.util.Random;

/** Small line/space images with a bright round defect, and the defect's mask, for explainer tests. */
public final class SyntheticSem {
    private SyntheticSem() {
    }

    public static ImageRaster image(int size, int cx, int cy, int radius, long seed) {
        Random rnd = new Random(seed);
        byte[] px = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean line = Math.sin(x * 2 * Math.PI / 8) > 0;
                boolean defect = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
                int v = defect ? 235 : 70 + (line ? 50 : 0) + rnd.nextInt(20);
                px[y * size + x] = (byte) v;
            }
        }
        return ImageRaster.gray8(size, size, px);
    }

    public static BinaryMask mask(int size, int cx, int cy, int radius) {
        boolean[] fg = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                fg[y * size + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
            }
        }
        return new BinaryMask(size, size, fg);
    }
}
