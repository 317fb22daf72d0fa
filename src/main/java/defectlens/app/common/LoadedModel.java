package defectlens.app.common;

import defectlens.model.ModelBundle;
import defectlens.model.ModelManifest;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;

/** The SEM model open in the window: its folder, its manifest and the classifier (closed when replaced). */
public record LoadedModel(Path dir, ModelManifest manifest, SplitClassifier classifier) implements AutoCloseable {
    public static LoadedModel load(Path dir) {
        ModelManifest m = ModelBundle.readManifest(dir);
        return new LoadedModel(dir, m, ModelBundle.load(dir));
    }

    public String name() {
        return manifest.name() == null ? dir.getFileName().toString() : manifest.name();
    }

    @Override
    public void close() {
        classifier.close();
    }
}
