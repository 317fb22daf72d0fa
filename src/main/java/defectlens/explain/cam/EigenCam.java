package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * EigenCAM (Muhammad and Yeasin, IJCNN 2020): the projection of the centred activations
 * {@code (cells x channels)} onto their first principal direction; gradient- and class-free. The
 * sign of a principal component is arbitrary, so it is fixed: the map is flipped when it
 * correlates negatively with the channel-summed activation. The raw map keeps its sign.
 */
public final class EigenCam extends CamExplainer {
    public EigenCam() {
        super("eigencam", NO_GRADIENT, SIGNED);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        int n = p.cells();
        int k = p.channels();
        double[][] x = new double[n][k];
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += p.a(c, i);
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                x[i][c] = p.a(c, i) - mean;
            }
        }
        float[] cam = new float[n];
        RealMatrix m = new Array2DRowRealMatrix(x, false);
        if (m.getFrobeniusNorm() == 0) {
            return cam;
        }
        double[] v = new SingularValueDecomposition(m).getV().getColumn(0);
        double agreement = 0;
        double[] proj = m.operate(v);
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += p.a(c, i);
            }
            agreement += proj[i] * total;
        }
        double sign = agreement < 0 ? -1 : 1;
        for (int i = 0; i < n; i++) {
            cam[i] = (float) (sign * proj[i]);
        }
        return cam;
    }
}
