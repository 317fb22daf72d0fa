package defectlens.cli.wafer;

import defectlens.wafer.WaferModel;
import picocli.CommandLine.Option;

/** {@code --average-symmetries [true|false]}: overrides a wafer bundle's inference setting for one command. */
public final class SymmetryAveragingOption {
    @Option(names = "--average-symmetries", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "average each map's class probabilities over its 8 rotations/reflections (true, the "
                    + "default when the option is given without a value) or take a single pass (false), whatever "
                    + "the bundle says; without the option, the bundle's model.json setting")
    Boolean averageSymmetries;

    /** The setting asked for on the command line, null when the option was not given. */
    public Boolean averageSymmetries() {
        return averageSymmetries;
    }

    /** Sets the model's averaging when the option was given; returns the setting in force. */
    public boolean applyTo(WaferModel model) {
        if (averageSymmetries != null) {
            model.setAverageOverSymmetries(averageSymmetries);
        }
        return model.averageOverSymmetries();
    }
}
