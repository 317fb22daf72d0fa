package defectlens.app.wafer;

import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.features.FeatureExtractor;
import defectlens.wafer.stacking.BaseLearner;
import defectlens.wafer.stacking.BsemlModel;
import defectlens.wafer.stacking.FeatureScaler;
import defectlens.wafer.stacking.LabelledFeatures;
import defectlens.wafer.stacking.StackingEnsemble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A BSEML bundle trained on every 16th map of the committed subset: enough to exercise the panel, made once. */
final class TinyBseml {
    private static Path bundle;

    private TinyBseml() {
    }

    /** The folder of the tiny bundle (trained on first use into a temporary folder). */
    static synchronized Path bundle() {
        if (bundle != null) {
            return bundle;
        }
        List<String> classes = WaferClassSet.ALL9.classes();
        WaferDataset data = WaferPickleReader.read(Paths.get("datasets", "wm811k", "wm811k_subset.pkl"));
        List<WaferMap> maps = new ArrayList<>();
        for (int i = 0; i < data.size(); i += 16) {
            maps.add(data.get(i));
        }
        double[][] x = FeatureExtractor.all(maps);
        FeatureScaler scaler = FeatureScaler.fit(x);
        int[] y = maps.stream().mapToInt(m -> classes.indexOf(m.label())).toArray();
        StackingEnsemble ensemble = StackingEnsemble.fit(new LabelledFeatures(scaler.apply(x), y, classes),
                List.of(BaseLearner.values()), StackingEnsemble.Meta.XGBOOST, 5, Progress.NONE);
        try {
            Path dir = Files.createTempDirectory("tiny-bseml").resolve("wafer-bseml-all9");
            new BsemlModel(classes, scaler, ensemble, Map.of("test", true)).save(dir);
            bundle = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
