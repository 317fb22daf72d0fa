package defectlens.explain.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defectlens.model.InputSpec;
import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** CRAFT's crops on a sliding-window model: half a window, enlarged to the window the model was trained on. */
class CraftPatchTest {
    @Test
    void aWindowedModelSeesHalfWindowCropsEnlargedToItsWindow() {
        try (SplitClassifier model = ModelBundle.load(Path.of("models/sem-demo"))) {
            int window = model.slidingWindow().window();
            assertEquals(window / 2, CraftOptions.defaultPatch(model, 480, 480));
            InputSpec small = model.cropInput(window / 2);
            assertEquals(window, small.width(), "a crop smaller than the window is enlarged to it");
            assertEquals(window, small.height());
            assertEquals(window + 48, model.cropInput(window + 48).width(), "a larger crop stays native");
            assertEquals(model.input().mean(), small.mean());
        }
    }

    @Test
    void aWholeImageModelTakesAThirdOfTheSmallerSide() {
        try (SplitClassifier model = ModelBundle.load(Path.of("models/sem-demo"))) {
            SplitClassifier whole = new SplitClassifier() {
                @Override
                public java.util.List<String> classes() {
                    return model.classes();
                }

                @Override
                public InputSpec input() {
                    return model.input();
                }

                @Override
                public ai.djl.ndarray.NDArray features(ai.djl.ndarray.NDArray x) {
                    return model.features(x);
                }

                @Override
                public ai.djl.ndarray.NDArray head(ai.djl.ndarray.NDArray maps) {
                    return model.head(maps);
                }

                @Override
                public String splitLayer() {
                    return model.splitLayer();
                }

                @Override
                public void close() {
                }
            };
            assertEquals(160, CraftOptions.defaultPatch(whole, 480, 600));
            assertEquals(8, CraftOptions.defaultPatch(whole, 12, 12));
        }
    }
}
