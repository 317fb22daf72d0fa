package defectlens.image;

/** A binary mask drawn as a filled area or as its outline, in one colour. */
public final class MaskOverlay implements OverlayLayer {
    /** How the mask is drawn. */
    public enum Style {
        FILL("Fill"), OUTLINE("Outline");

        private final String label;

        Style(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String name;
    private final BinaryMask mask;
    private final int rgb;
    private final Style style;

    public MaskOverlay(String name, BinaryMask mask, int rgb, Style style) {
        this.name = name;
        this.mask = mask;
        this.rgb = rgb & 0xFFFFFF;
        this.style = style;
    }

    public BinaryMask mask() {
        return mask;
    }

    public Style style() {
        return style;
    }

    /** The same mask in another style. */
    public MaskOverlay withStyle(Style newStyle) {
        return new MaskOverlay(name, mask, rgb, newStyle);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int width() {
        return mask.width();
    }

    @Override
    public int height() {
        return mask.height();
    }

    @Override
    public ArgbImage render() {
        int w = mask.width();
        int h = mask.height();
        int[] px = new int[w * h];
        int opaque = 0xFF000000 | rgb;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = style == Style.FILL ? mask.get(x, y) : mask.isEdge(x, y);
                px[y * w + x] = on ? opaque : 0;
            }
        }
        return new ArgbImage(w, h, px);
    }

    @Override
    public String describeAt(int x, int y) {
        if (x < 0 || y < 0 || x >= mask.width() || y >= mask.height()) {
            return "";
        }
        return mask.get(x, y) ? "defect" : "background";
    }
}
