package defectlens.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import defectlens.core.DefectLensException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of a review queue: data-set order, least certain first, predictions that differ from the label, the
 * items of one confusion cell, the items of one class, or a seeded random audit sample of confident items.
 */
public enum QueueOrder {
    DATASET("dataset"), LEAST_CERTAIN("least-certain"), DIFFERS("differs"), CONFUSION_CELL("cell"), BY_CLASS("class"),
    AUDIT("audit"), NOVELTY("novelty");

    private final String cliName;

    QueueOrder(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in review.json. */
    @JsonValue
    public String cliName() {
        return cliName;
    }

    /** The order of a name as {@link #cliName()} gives it (case-insensitive). */
    @JsonCreator
    public static QueueOrder of(String name) {
        for (QueueOrder o : values()) {
            if (o.cliName.equalsIgnoreCase(name) || o.name().equalsIgnoreCase(name)) {
                return o;
            }
        }
        throw new DefectLensException("unknown queue order '" + name + "' (one of "
                + Arrays.stream(values()).map(QueueOrder::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
