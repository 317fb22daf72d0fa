package defectlens.app.review;

import defectlens.app.common.FxImages;
import defectlens.core.DefectLensException;
import defectlens.image.ArgbImage;
import defectlens.review.ReviewFolder;
import defectlens.review.novelty.DriftChart;
import defectlens.review.novelty.NoveltyDrift;
import defectlens.review.novelty.NoveltyStore;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The drift view of an open review: the novelty scores of its items against the held-out scores of the model's
 * own classes, and its predicted-class shares against the training shares ({@link NoveltyDrift}, drawn by
 * {@link DriftChart}), in a window of its own. The chart is made from the review's stored scores and
 * predictions, off the UI thread.
 */
public final class DriftView {
    private DriftView() {
    }

    /** The chart of the review's drift; an error saying what is missing (scores, fit, reference). Slow. */
    static ArgbImage chart(ReviewSession s) {
        ReviewFolder f = s.folder();
        if (s.novelty() == null) {
            throw new DefectLensException(f.dir(), s.hasNoveltyFit() ? "the items have no novelty scores yet: "
                    + "Classify missing scores them" : "no novelty scores: the model bundle has no novelty fit for "
                    + "its weights (review novelty --fit)");
        }
        NoveltyStore.Stored fit = NoveltyStore.load(f.modelPath(), f.definition().model().weightsSha256())
                .orElseThrow(() -> new DefectLensException(f.modelPath(), "the model's novelty fit is gone"));
        Path fitFile = f.modelPath().resolve(NoveltyStore.FOLDER).resolve(NoveltyStore.INFO);
        NoveltyDrift d = NoveltyDrift.of(s.novelty().scores(), s.table().predictions(), fit.info(), fitFile);
        return DriftChart.draw(d, "Drift of " + f.dataPath().getFileName() + " (review " + f.dir().getFileName()
                + ") against " + f.definition().model().name());
    }

    /** Shows a chart in a window of its own. */
    public static void show(Window owner, ArgbImage chart) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Drift: novelty and predicted classes against the training data");
        ImageView view = new ImageView(FxImages.toFx(chart));
        view.setId("driftChart");
        stage.setScene(new Scene(new StackPane(view), chart.width(), chart.height()));
        stage.show();
    }
}
