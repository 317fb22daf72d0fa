package defectlens.app.common;

import defectlens.image.ArgbImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** The JavaFX end of the pixel conversions of {@code defectlens.image.ImageConversions}. */
public final class FxImages {
    private FxImages() {
    }

    public static WritableImage toFx(ArgbImage img) {
        WritableImage out = new WritableImage(img.width(), img.height());
        out.getPixelWriter().setPixels(0, 0, img.width(), img.height(), PixelFormat.getIntArgbInstance(),
                img.pixels(), 0, img.width());
        return out;
    }
}
