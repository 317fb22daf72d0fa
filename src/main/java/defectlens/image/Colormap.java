package defectlens.image;

/**
 * Colormaps for heatmaps: Matplotlib's viridis and inferno (perceptually uniform) and jet, each as a
 * table of 33 colours sampled from Matplotlib's 256-entry map at entries 0, 8, ..., 248, 255 and
 * interpolated linearly in between.
 */
public enum Colormap {
    VIRIDIS(new int[] {
        0x440154, 0x470D60, 0x48186A, 0x482374, 0x472D7B, 0x453781, 0x424086, 0x3E4989,
        0x3B528B, 0x375B8D, 0x33638D, 0x2F6B8E, 0x2C728E, 0x297A8E, 0x26828E, 0x23898E,
        0x21918C, 0x1F988B, 0x1FA088, 0x22A785, 0x28AE80, 0x32B67A, 0x3FBC73, 0x4EC36B,
        0x5EC962, 0x70CF57, 0x84D44B, 0x98D83E, 0xADDC30, 0xC2DF23, 0xD8E219, 0xECE51B,
        0xFDE725}),
    INFERNO(new int[] {
        0x000004, 0x040312, 0x0B0724, 0x150B37, 0x210C4A, 0x2F0A5B, 0x3D0965, 0x4A0C6B,
        0x57106E, 0x64156E, 0x71196E, 0x7D1E6D, 0x8A226A, 0x972766, 0xA32C61, 0xB0315B,
        0xBC3754, 0xC73E4C, 0xD24644, 0xDB503B, 0xE45A31, 0xEB6628, 0xF1731D, 0xF68013,
        0xF98E09, 0xFB9D07, 0xFCAC11, 0xFBBC21, 0xF9CB35, 0xF5DB4C, 0xF2EA69, 0xF3F68A,
        0xFCFFA4}),
    JET(new int[] {
        0x000080, 0x0000A4, 0x0000C8, 0x0000ED, 0x0000FF, 0x0020FF, 0x0040FF, 0x0060FF,
        0x0080FF, 0x00A0FF, 0x00C0FF, 0x00E0FB, 0x16FFE1, 0x30FFC7, 0x49FFAD, 0x63FF94,
        0x7DFF7A, 0x97FF60, 0xB1FF46, 0xCAFF2C, 0xE4FF13, 0xFEED00, 0xFFD000, 0xFFB200,
        0xFF9400, 0xFF7700, 0xFF5900, 0xFF3B00, 0xFF1E00, 0xE80000, 0xC40000, 0x9F0000,
        0x800000});

    private final int[] table;
    private final int[] lut = new int[256];

    Colormap(int[] table) {
        this.table = table;
        for (int i = 0; i < 256; i++) {
            lut[i] = interpolate(i);
        }
    }

    private int interpolate(int entry) {
        int seg = Math.min(entry / 8, table.length - 2);
        int lo = seg * 8;
        int hi = seg == table.length - 2 ? 255 : lo + 8;
        double f = (double) (entry - lo) / (hi - lo);
        int a = table[seg];
        int b = table[seg + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** The 0xRRGGBB colour of a value in [0, 1] (clamped; NaN gives the low end). */
    public int rgb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return lut[(int) Math.round(v * 255)];
    }

    /** The colour as opaque 0xAARRGGBB. */
    public int argb(double value) {
        return 0xFF000000 | rgb(value);
    }

    /** A horizontal legend bar, low values on the left. */
    public ArgbImage legend(int width, int height) {
        int[] px = new int[width * height];
        for (int x = 0; x < width; x++) {
            int c = argb(width == 1 ? 0 : (double) x / (width - 1));
            for (int y = 0; y < height; y++) {
                px[y * width + x] = c;
            }
        }
        return new ArgbImage(width, height, px);
    }
}
