package defectlens.explain;

import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import java.util.List;

/**
 * Test-time-augmentation smoothing: explains the image under each {@link Augmentation}, maps each
 * raw map back to the original frame and averages them. The target class is fixed first (the
 * predicted class of the unmodified image when asked for), so every view explains the same class.
 * Rotations by 90 or 270 degrees need a square feature map.
 */
public final class AugmentedExplainer implements Explainer {
    private final Explainer inner;
    private final List<Augmentation> augmentations;

    public AugmentedExplainer(Explainer inner, List<Augmentation> augmentations) {
        if (augmentations.isEmpty()) {
            throw new IllegalArgumentException("at least one augmentation is needed");
        }
        this.inner = inner;
        this.augmentations = List.copyOf(augmentations);
    }

    /** All six flips and rotations. */
    public static AugmentedExplainer allFlipsAndRotations(Explainer inner) {
        return new AugmentedExplainer(inner, List.of(Augmentation.values()));
    }

    public List<Augmentation> augmentations() {
        return augmentations;
    }

    @Override
    public String name() {
        return inner.name() + "+tta";
    }

    @Override
    public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
        Heatmap first = inner.explain(model, image, targetClass);
        int target = first.targetClass();
        int w = first.rawWidth();
        int h = first.rawHeight();
        double[] sum = new double[w * h];
        int views = 0;
        boolean signed = first.signed();
        for (Augmentation a : augmentations) {
            Heatmap view = a == Augmentation.IDENTITY ? first : inner.explain(model, a.apply(image), target);
            if (a != Augmentation.IDENTITY && a.swapsAxes() && view.rawWidth() != view.rawHeight()) {
                throw new IllegalArgumentException(a + " needs a square feature map, got "
                        + view.rawWidth() + "x" + view.rawHeight());
            }
            float[] back = a.invert(view.raw(), view.rawWidth(), view.rawHeight());
            if (back.length != sum.length) {
                throw new IllegalArgumentException(a + " gives a " + view.rawWidth() + "x" + view.rawHeight()
                        + " map, " + w + "x" + h + " expected");
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += back[i];
            }
            views++;
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / views);
        }
        return Heatmap.of(name(), target, first.className(), first.score(), mean, w, h, signed,
                image.width(), image.height());
    }
}
