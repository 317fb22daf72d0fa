package defectlens.wafer;

import java.util.Locale;

/**
 * What {@link WaferTrainer} does to the training maps before every epoch. None of it is part of the paper's
 * recipe ({@link #NONE} is). WM-811K defect classes do not change when a wafer is turned or mirrored.
 */
public enum TrainingAugmentation {
    /** The maps as they are (the paper). */
    NONE("none", "none"),
    /** Each map under one of the eight symmetries of the square, drawn per map and epoch. */
    DIHEDRAL("dihedral", "dihedral (random symmetry of the square per map and epoch)"),
    /**
     * Each map turned by a uniformly drawn angle in [0, 360) degrees about the geometric centre (nearest
     * neighbour) and mirrored left-right with probability 1/2, drawn per map and epoch.
     */
    ROTATION("rotation", "rotation (random angle in [0, 360) and random mirror per map and epoch)");

    private final String id;
    private final String description;

    TrainingAugmentation(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** The text recorded in {@code model.json}. */
    public String description() {
        return description;
    }

    public static TrainingAugmentation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TrainingAugmentation a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown training augmentation '" + text + "' (none, dihedral or rotation)");
    }
}
