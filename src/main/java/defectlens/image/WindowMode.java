package defectlens.image;

/** How the display window of an image is chosen. */
public enum WindowMode {
    /** Whole range of the bit depth (0..255 or 0..65535): raw contrast. */
    FULL_RANGE("Full range"),
    /** Darkest to brightest pixel. */
    MIN_MAX("Min / max"),
    /** 0.5th to 99.5th percentile: robust against hot pixels. */
    PERCENTILE("0.5 - 99.5 %");

    private final String label;

    WindowMode(String label) {
        this.label = label;
    }

    public DisplayWindow windowFor(ImageRaster r) {
        switch (this) {
            case FULL_RANGE:
                return DisplayWindow.fullRange(r);
            case MIN_MAX:
                return DisplayWindow.minMax(r);
            default:
                return DisplayWindow.percentile(r, 0.5, 99.5);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
