package defectlens.explain;

import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;

/**
 * Explains one classification: a model cut at its split layer, an image and a target class in, a
 * {@link Heatmap} over the image out. Each call works under its own NDManager and frees every
 * native array it made, so thousands of calls in a row leak nothing.
 */
public interface Explainer {
    /** Class index meaning "the class the model predicts for this image". */
    int PREDICTED = -1;

    /** The method's short name, e.g. {@code gradcam}. */
    String name();

    /** The heatmap for {@code targetClass}, or for the predicted class when it is {@link #PREDICTED}. */
    Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass);
}
