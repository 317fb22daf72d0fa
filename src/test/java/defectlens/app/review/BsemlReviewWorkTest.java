package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defectlens.core.Progress;
import defectlens.review.PredictionRun;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewSetup;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.stacking.BsemlModel;
import defectlens.wafer.stacking.BsemlTraining;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's review desk classifies a wafer review whose model is a BSEML bundle (trained on the 200-map
 * sample), and its predictions are the bundle's own probabilities.
 */
class BsemlReviewWorkTest {
    @Test
    void classifiesAReviewWithABsemlBundle(@TempDir Path tmp) throws Exception {
        WaferDataset data = WaferPickleReader.read(Paths.get("datasets", "wm811k", "LSWMD_sample.pkl"));
        BsemlModel model = BsemlTraining.fit(data, WaferClassSet.EIGHT, 0.2, 0, 3, line -> { }, Progress.NONE)
                .model(Map.of());
        Path bundle = tmp.resolve("bseml");
        model.save(bundle);
        Path dir = tmp.resolve("review");
        ReviewSetup.wafer(dir, data, "bseml", bundle, model.classes(), QueueSpec.of(QueueOrder.DATASET), false);
        OpenedReview o = ReviewWork.open(dir, "ann", null, data, Clock.systemUTC(), Progress.NONE);
        PredictionRun.Result r = ReviewWork.classifyMissing(o, null, Progress.NONE);
        assertEquals(200, r.classified());
        float[][] p = model.predict(List.of(data.get(0), data.get(199)));
        for (int c = 0; c < model.classes().size(); c++) {
            assertEquals(p[0][c], o.session().table().probability(0, c), 1e-6);
            assertEquals(p[1][c], o.session().table().probability(199, c), 1e-6);
        }
    }
}
