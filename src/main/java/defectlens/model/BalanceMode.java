package defectlens.model;

import defectlens.core.DefectLensException;
import java.util.Locale;

/**
 * Data-level class balancing for training: every epoch draws minority classes again until each class
 * has as many images as the largest ({@code OVERSAMPLE}), draws a fresh random subset of each class the
 * size of the smallest ({@code UNDERSAMPLE}), keeps the data but weights the loss by inverse class
 * frequency ({@code WEIGHTED}), or uses the data as it is ({@code NONE}).
 */
public enum BalanceMode {
    OVERSAMPLE, UNDERSAMPLE, WEIGHTED, NONE;

    public static BalanceMode parse(String text) {
        for (BalanceMode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new DefectLensException("unknown --balance '" + text + "': use oversample, undersample, weighted or none");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
