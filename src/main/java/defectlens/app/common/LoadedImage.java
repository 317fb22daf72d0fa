package defectlens.app.common;

import defectlens.dataset.SemSample;
import defectlens.image.ArgbImage;
import defectlens.image.BinaryMask;
import defectlens.image.DisplayWindow;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.image.WindowMode;

/**
 * An image read for the viewer, with everything made off the FX thread: raw raster, display window,
 * the windowed picture and the ground-truth mask when the sample has one.
 */
public record LoadedImage(SemSample sample, ImageRaster raster, DisplayWindow window, ArgbImage display, BinaryMask mask) {
    public static LoadedImage load(SemSample sample, WindowMode mode) {
        ImageRaster r = SemImageReader.read(sample.image());
        DisplayWindow w = mode.windowFor(r);
        BinaryMask m = sample.mask() == null ? null : BinaryMask.read(sample.mask());
        if (m != null && (m.width() != r.width() || m.height() != r.height())) {
            throw new defectlens.core.DefectLensException(sample.mask(), "mask is " + m.width() + "x" + m.height()
                    + " but its image " + sample.image().getFileName() + " is " + r.width() + "x" + r.height());
        }
        return new LoadedImage(sample, r, w, w.render(r), m);
    }

    /** The same image shown through another window. */
    public LoadedImage withWindow(WindowMode mode) {
        DisplayWindow w = mode.windowFor(raster);
        return new LoadedImage(sample, raster, w, w.render(raster), mask);
    }

    /** The raw value(s) at a pixel, e.g. {@code 1234} or {@code 12, 40, 200}. */
    public String valueAt(int x, int y) {
        if (raster.channels() == 1) {
            return Integer.toString(raster.sample(x, y, 0));
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < raster.channels(); c++) {
            sb.append(c == 0 ? "" : ", ").append(raster.sample(x, y, c));
        }
        return sb.toString();
    }
}
