package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The head of a model trained on crops, applied to the feature maps of a whole frame so that explanations follow
 * the model's real decision (its {@link SlidingWindow}) instead of one global average over the frame.
 *
 * <p>The final feature map is cut into the windows' cells (a window of {@code w} px covers {@code w / stride} cells
 * of the final map, the network's total stride being 32 or 16, wherever the map comes from: a frame, or a crop larger
 * than a window), each window goes through the ordinary head (global average pool, linear), and for
 * every class the window that decides it under the aggregation rule is taken: the most probable window for a
 * defect class, the least probable for the background class. The output for class {@code c} is that window's
 * logit {@code z_c} minus its log-sum-exp with the gradient stopped: its value is the window's log-probability, so
 * the softmax of the output is exactly the rule's frame probabilities, and its gradient is the deciding window's
 * class logit alone, which is what GradCAM and its relatives differentiate (Selvaraju et al. use the pre-softmax
 * score; a softmax gradient vanishes on a sure window). A map no larger than one window goes through the ordinary
 * head unchanged (raw logits), as a crop does.
 *
 * <p>The frame's feature map is not the windows' feature maps put side by side (squeeze-and-excitation blocks
 * pool over everything they see, and crop edges are padded), so these outputs approximate the classification by
 * crops ({@link EfficientNetV2Classifier#logits}, which stays the model's answer); they exist for explanations.
 */
final class WindowedHead {
    private WindowedHead() {
    }

    /**
     * Frame outputs {@code (N, K)} of final feature maps {@code (N, C, H, W)} whose cells are {@code cellPixels} input
     * pixels wide (the network's total stride); {@code head} maps {@code (B, C, h, w)} to logits {@code (B, K)},
     * {@code background} is the background class's index or -1.
     */
    static NDArray apply(NDArray maps, SlidingWindow window, int background, UnaryOperator<NDArray> head,
            int cellPixels) {
        long[] s = maps.getShape().getShape();
        int h = (int) s[2];
        int w = (int) s[3];
        int cells = Math.max(1, (int) Math.round((double) window.window() / cellPixels));
        if (h <= cells && w <= cells) {
            return head.apply(maps);
        }
        int strideCells = Math.max(1, Math.min(cells, (int) Math.round((double) window.stride() / cellPixels)));
        List<Integer> ys = offsets(h, cells, strideCells);
        List<Integer> xs = offsets(w, cells, strideCells);
        int n = (int) s[0];
        NDManager m = maps.getManager();
        NDArray[] parts = new NDArray[ys.size() * xs.size()];
        int p = 0;
        for (int y : ys) {
            for (int x : xs) {
                parts[p++] = maps.get(new NDIndex(":, :, {}:{}, {}:{}", y, y + Math.min(cells, h), x,
                        x + Math.min(cells, w)));
            }
        }
        NDArray z = head.apply(NDArrays.concat(parts)); // (windows * N, K), window-major
        int k = (int) z.getShape().get(1);
        NDArray logProb = z.logSoftmax(1);
        NDArray out = z.sub(z.sub(logProb).stopGradient());
        float[] prob = logProb.exp().toFloatArray();
        float[] pick = new float[parts.length * n * k];
        float[][] perWindow = new float[parts.length][k];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < parts.length; v++) {
                System.arraycopy(prob, (v * n + i) * k, perWindow[v], 0, k);
            }
            for (int c = 0; c < k; c++) {
                int best = SlidingWindow.decidingWindow(perWindow, c, background);
                pick[(best * n + i) * k + c] = 1f;
            }
        }
        NDArray mask = m.create(pick, new Shape((long) parts.length * n, k));
        return out.mul(mask).reshape(parts.length, n, k).sum(new int[] {0});
    }

    /** Window offsets in cells along a side: every {@code stride} cells, the last flush with the edge. */
    private static List<Integer> offsets(int side, int cells, int stride) {
        return side <= cells ? List.of(0) : SlidingWindow.of(side, cells, stride, "").offsets();
    }
}
