package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import defectlens.core.OneDnnIsaCap;
import defectlens.core.Progress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's CPU convolutions against a plain loop, at the layer shapes of the shipped sem-demo model. On an AMD
 * EPYC with AVX-512, oneDNN's avx512_core kernels got the 24 -> 96 channel layer wrong until {@link OneDnnIsaCap}
 * capped them (the test JVM applies it as the product does, through {@code defectlens.TestEnvironment}).
 */
class OneDnnConvolutionTest {

    @Test
    void convolutionsOfTheDemoModelsShapesMatchAPlainLoop() {
        List<String> wrong = new ArrayList<>();
        // sem-demo (efficientnetv2-tiny at 192 px) and the wafer CNN (64x64 maps or sinograms)
        int[][] layers = {{24, 96, 48, 1}, {16, 64, 96, 2}, {40, 160, 24, 1}, {1, 16, 64, 1}, {16, 64, 32, 1},
            {64, 128, 16, 1}, {128, 256, 8, 1}};
        for (int[] l : layers) {
            double worst = largestDifference(l[0], l[1], l[2], l[3]);
            if (!(worst < 1e-3)) {
                wrong.add(l[0] + " -> " + l[1] + " channels at " + l[2] + "x" + l[2] + ", stride " + l[3] + ": " + worst);
            }
        }
        assertEquals(List.of(), wrong, "convolutions off a plain loop by more than 1e-3 (oneDNN ISA "
                + OneDnnIsaCap.apply() + ")");
    }

    @Test
    void theShippedDemoModelGivesFiniteProbabilitiesAndKnowsTheDemoSet() {
        SemDataset demo = DatasetOpener.open(Path.of("datasets/sem-demo"));
        try (SemClassifier classifier = new SemClassifier(ModelBundle.load(Path.of("models/sem-demo")))) {
            List<Prediction> predictions = classifier.classifyAll(demo, 1, 4, Progress.NONE);
            int right = 0;
            for (int i = 0; i < predictions.size(); i++) {
                for (double p : predictions.get(i).probabilities()) {
                    assertTrue(Double.isFinite(p), "probability of " + predictions.get(i).id() + " is " + p);
                }
                if (predictions.get(i).label().equals(demo.samples().get(i).label())) {
                    right++;
                }
            }
            double accuracy = right / (double) predictions.size();
            assertTrue(accuracy >= 0.85, "sem-demo accuracy on the demo set " + accuracy + " (0.94 when shipped; chance 1/6)");
        }
    }

    private static double largestDifference(int in, int out, int size, int stride) {
        Random random = new Random(in * 1000L + out);
        float[] x = new float[in * size * size];
        float[] w = new float[out * in * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() / Math.sqrt(in * 9.0));
        }
        int outSize = (size + 2 - 3) / stride + 1;
        float[] actual;
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray input = m.create(x, new Shape(1, in, size, size));
            NDArray weight = m.create(w, new Shape(out, in, 3, 3));
            actual = Conv2d.conv2d(input, weight, null, new Shape(stride, stride), new Shape(1, 1), new Shape(1, 1), 1)
                    .singletonOrThrow().toFloatArray();
        }
        double worst = 0;
        for (int o = 0; o < out; o++) {
            for (int r = 0; r < outSize; r++) {
                for (int c = 0; c < outSize; c++) {
                    double sum = 0;
                    for (int i = 0; i < in; i++) {
                        for (int kr = 0; kr < 3; kr++) {
                            int y = r * stride + kr - 1;
                            if (y < 0 || y >= size) {
                                continue;
                            }
                            for (int kc = 0; kc < 3; kc++) {
                                int z = c * stride + kc - 1;
                                if (z >= 0 && z < size) {
                                    sum += x[(i * size + y) * size + z] * w[((o * in + i) * 3 + kr) * 3 + kc];
                                }
                            }
                        }
                    }
                    worst = Math.max(worst, Math.abs(sum - actual[(o * outSize + r) * outSize + c]));
                }
            }
        }
        return worst;
    }
}
