package defectlens.cli;

import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;

/**
 * How the explanation commands open {@code --model DIR}: the model-bundle reader (DJL-native EfficientNetV2 or
 * imported TorchScript bundles) in the product; tests hand {@link CommandFactory} a tiny network instead.
 */
@FunctionalInterface
public interface ModelOpener {
    /** The bundle reader every user gets. */
    ModelOpener BUNDLES = ModelBundle::load;

    /** The classifier of a model folder; the caller closes it. */
    SplitClassifier open(Path dir);
}
