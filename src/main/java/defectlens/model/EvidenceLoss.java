package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A training loss that asks the classifier to find its evidence on the defect ("right for the right reasons", Ross
 * et al. 2017; the mask-guided attention of GAIN, Li et al. 2018, in its simplest form): for a crop that holds its
 * image's defect, the share of the positive part of the labelled class's class activation map that lies outside the
 * defect's box.
 *
 * <p>With a head of global average pooling and one linear layer, the class activation map of class {@code c} at a
 * cell is {@code sum_k w_ck A_k(x, y)} (Zhou et al. 2016): exactly what the logit averages, and exactly GradCAM's map
 * at the layer before the pooling (GradCAM's channel weights are {@code w_ck} over the cell count). The loss is
 * {@code sum(outside * relu(cam)) / (sum relu(cam) + eps)} per crop ({@code outside} 1 clear of the box, 0 on the
 * cells the box covers most, see {@link #outsideCells}), averaged over the crops that carry a box: 0 when the
 * positive map lies on the defect's cells, 1 when it lies clear of the box; scale-free, so it does not fight the
 * cross-entropy over the logits' size, and zero (with zero gradient) when the map has no positive cell.
 */
final class EvidenceLoss {
    /** Keeps the share finite when a map has no positive cell. */
    static final float EPSILON = 1e-6f;

    private EvidenceLoss() {
    }

    /**
     * The mean share over crops with {@code weight} 1. {@code maps} are the final feature maps {@code (N, C, h, w)},
     * {@code classifier} the linear layer's weight {@code (K, C)}, {@code labels} the crops' classes, {@code outside}
     * {@code N * h * w} weights in [0, 1] ({@link #outsideCells}: 1 for a cell clear of the crop's defect box, 0 for
     * the cells the box covers most), and {@code weight} 1 for a crop that holds its image's defect, 0 for the others.
     */
    static NDArray share(NDArray maps, NDArray classifier, int[] labels, float[] outside, float[] weight) {
        NDManager m = maps.getManager();
        long[] s = maps.getShape().getShape();
        int n = (int) s[0];
        long k = classifier.getShape().get(0);
        float[] oneHot = new float[(int) (n * k)];
        float count = 0;
        for (int i = 0; i < n; i++) {
            oneHot[(int) (i * k + labels[i])] = 1f;
            count += weight[i];
        }
        if (count == 0) {
            return m.create(0f);
        }
        NDArray w = m.create(oneHot, new Shape(n, k)).dot(classifier); // (N, C): each crop's class weights
        NDArray cam = maps.mul(w.reshape(n, s[1], 1, 1)).sum(new int[] {1}); // (N, h, w)
        NDArray positive = cam.clip(0, Float.MAX_VALUE);
        NDArray out = positive.mul(m.create(outside, new Shape(n, s[2], s[3]))).sum(new int[] {1, 2});
        NDArray all = positive.sum(new int[] {1, 2}).add(EPSILON);
        return out.div(all).mul(m.create(weight, new Shape(n))).sum().div(count);
    }

    /**
     * The {@code outside} weights of one crop of {@code side} px with cells of {@code cell} px, written at
     * {@code offset} of {@code into}: {@code 1 - c / c_max}, {@code c} being the share of a cell's pixels on
     * {@code plane} (the crop's defect box as a 0/1 mask) and {@code c_max} the largest share of any cell. So the
     * cells the box covers most are free, a cell the box only grazes is charged most of the way, and a cell clear of
     * the box fully: the evidence is drawn to the defect's own cells, not to every cell it touches (a 10 px bridge on
     * a cell corner touches four). All 1 when the plane is empty.
     */
    static void outsideCells(float[] plane, int side, int cell, float[] into, int offset) {
        int cells = side / cell;
        float[] cover = new float[cells * cells];
        float most = 0;
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                int on = 0;
                for (int y = cy * cell; y < (cy + 1) * cell; y++) {
                    for (int x = cx * cell; x < (cx + 1) * cell; x++) {
                        if (plane[y * side + x] > 0) {
                            on++;
                        }
                    }
                }
                cover[cy * cells + cx] = on / (float) (cell * cell);
                most = Math.max(most, cover[cy * cells + cx]);
            }
        }
        for (int i = 0; i < cover.length; i++) {
            into[offset + i] = most > 0 ? 1f - cover[i] / most : 1f;
        }
    }
}
