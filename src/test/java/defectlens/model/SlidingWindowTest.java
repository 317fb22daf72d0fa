package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlidingWindowTest {
    @TempDir
    Path tmp;

    @Test
    void windowsCoverTheFrameWithTheLastFlushWithItsEdge() {
        assertEquals(List.of(0, 80, 160, 240, 320), SlidingWindow.of(480, 160, 80, "no_defect").offsets());
        assertEquals(List.of(0, 160, 320), SlidingWindow.of(480, 160, 160, "no_defect").offsets());
        assertEquals(List.of(0, 30, 52), SlidingWindow.of(100, 48, 30, "no_defect").offsets());
        assertEquals(List.of(0), SlidingWindow.of(64, 64, 10, "no_defect").offsets());
        assertEquals(25, SlidingWindow.of(480, 160, 80, "no_defect").count());
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.of(100, 120, 10, "no_defect"));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.of(480, 160, 161, "no_defect"));
    }

    @Test
    void oneWindowSeeingADefectDecidesAndTheBackgroundNeedsEveryWindow() {
        // classes: bridge, break, no_defect (index 2)
        float[][] quiet = {{0.1f, 0.1f, 0.8f}, {0.05f, 0.05f, 0.9f}};
        double[] p = SlidingWindow.aggregate(quiet, 2);
        assertEquals(2, argMax(p));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        assertArrayEquals(new double[] {0.1 / 1.0, 0.1 / 1.0, 0.8 / 1.0}, p, 1e-6);
        float[][] oneBridge = {{0.05f, 0.05f, 0.9f}, {0.7f, 0.1f, 0.2f}, {0.1f, 0.1f, 0.8f}};
        assertEquals(0, argMax(SlidingWindow.aggregate(oneBridge, 2)));
        // every window a little surer of the background than of a defect, but one window less sure of the
        // background than another is of a bridge: the frame is a bridge (the rule's point: a weak background)
        float[][] doubtful = {{0.33f, 0.32f, 0.35f}, {0.45f, 0.05f, 0.5f}};
        assertEquals(0, argMax(SlidingWindow.aggregate(doubtful, 2)));
        // without a background class every class takes its largest probability
        assertEquals(1, argMax(SlidingWindow.aggregate(new float[][] {{0.6f, 0.4f}, {0.1f, 0.9f}}, -1)));
    }

    @Test
    void theDecidingWindowIsTheSurestOfADefectAndTheLeastSureOfTheBackground() {
        float[][] windows = {{0.2f, 0.1f, 0.7f}, {0.6f, 0.1f, 0.3f}, {0.6f, 0.3f, 0.1f}};
        assertEquals(1, SlidingWindow.decidingWindow(windows, 0, 2), "the first of two equally sure windows");
        assertEquals(2, SlidingWindow.decidingWindow(windows, 1, 2));
        assertEquals(2, SlidingWindow.decidingWindow(windows, 2, 2), "background: the least sure window");
        assertEquals(0, SlidingWindow.decidingWindow(windows, 2, -1), "no background class: the surest window");
        double[] frame = SlidingWindow.aggregate(windows, 2);
        double sum = 0.6 + 0.3 + 0.1;
        assertEquals(0.6 / sum, frame[0], 1e-6);
        assertEquals(0.3 / sum, frame[1], 1e-6);
        assertEquals(0.1 / sum, frame[2], 1e-6);
    }

    @Test
    void cropsHoldTheDefectAndBackgroundCropsStayClearOfIt() {
        int frame = 120;
        byte[][] pixels = {new byte[frame * frame], new byte[frame * frame], new byte[frame * frame]};
        int[][] boxes = {{50, 60, 53, 62}, {0, 100, 10, 119}, null};
        TrainingImages images = new TrainingImages(List.of("bridge", "break", "no_defect"), frame, pixels,
                new int[] {0, 1, 2}, boxes);
        TrainingCrops crops = new TrainingCrops(images, new CropTraining(48, 24, frame, 0.3, "no_defect"));
        Random random = new Random(4);
        int background = 0;
        for (int t = 0; t < 400; t++) {
            for (int i = 0; i < 3; i++) {
                TrainingCrops.Crop c = crops.pick(i, random);
                assertTrue(c.x() >= 0 && c.y() >= 0 && c.x() + 48 <= frame && c.y() + 48 <= frame, "inside the frame");
                int[] b = boxes[i];
                if (c.label() == 2 && b != null) {
                    background++;
                    assertTrue(c.x() + 48 <= b[0] || c.x() > b[2] || c.y() + 48 <= b[1] || c.y() > b[3],
                            "a background crop misses the defect");
                } else if (b != null) {
                    assertEquals(i, c.label());
                    assertTrue(c.x() <= b[0] && c.x() + 48 > b[2] && c.y() <= b[1] && c.y() + 48 > b[3],
                            "crop " + c + " holds box " + java.util.Arrays.toString(b));
                }
            }
        }
        assertTrue(background > 150 && background < 330, background + " background crops of 800 at share 0.3");
        TrainingCrops.Crop fixed = crops.pick(0, null);
        assertEquals(fixed, crops.pick(0, null), "validation crops are fixed");
        assertEquals(new TrainingCrops.Crop(36, 36, 2), crops.pick(2, null));
    }

    @Test
    void manifestRulesRejectAWindowThatIsNotTheInput() throws Exception {
        Path bundle = tmp.resolve("b");
        Files.createDirectories(bundle);
        Files.write(bundle.resolve("weights.params"), new byte[] {1});
        String json = "{\"name\":\"w\",\"architecture\":\"efficientnetv2-tiny\",\"classes\":[\"a\",\"no_defect\"],"
                + "\"input\":{\"channels\":1,\"height\":160,\"width\":160,\"mean\":[0.5],\"std\":[0.5]},"
                + "\"split_layer\":\"final_conv\",\"parameters\":1,\"weights\":[\"weights.params\"],"
                + "\"sliding_window\":{\"frame\":480,\"window\":WIN,\"stride\":80,\"background\":\"no_defect\","
                + "\"aggregation\":\"defect-max-background-min\"}}";
        Files.writeString(bundle.resolve("model.json"), json.replace("WIN", "160"));
        ModelManifest m = ModelBundle.readManifest(bundle);
        assertEquals(480, m.frameInput().height());
        assertEquals(160, m.input().height());
        assertEquals(25, m.slidingWindow().count());
        Files.writeString(bundle.resolve("model.json"), json.replace("WIN", "128"));
        DefectLensException e = assertThrows(DefectLensException.class, () -> ModelBundle.readManifest(bundle));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("sliding_window.window"),
                e.getMessage());
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
