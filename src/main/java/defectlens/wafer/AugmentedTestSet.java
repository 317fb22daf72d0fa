package defectlens.wafer;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The generalisation test sets of Jeong et al. (2023): transformed copies of a test set of 64x64 maps
 * (background removed), the originals excluded. {@code rot} gives the 90, 180 and 270 degree rotations
 * (counter-clockwise, as {@code numpy.rot90}), {@code flip} the horizontal and vertical mirror images, and
 * {@code rotflip} all seven non-identity symmetries of the square: the three rotations, the two flips and the
 * two diagonal reflections (a horizontal flip of the 270 and of the 90 degree rotation). {@code none} is the
 * test set itself. Copies keep the label of their original and come grouped by transform, in test-set order.
 */
public enum AugmentedTestSet {
    NONE("none", List.of()),
    ROT("rot", List.of(Transform.ROT90, Transform.ROT180, Transform.ROT270)),
    FLIP("flip", List.of(Transform.FLIP_H, Transform.FLIP_V)),
    ROTFLIP("rotflip", List.of(Transform.ROT90, Transform.ROT180, Transform.ROT270, Transform.FLIP_H,
            Transform.FLIP_V, Transform.TRANSPOSE, Transform.ANTI_TRANSPOSE));

    /** One symmetry of a square map. */
    public enum Transform {
        ROT90(m -> WaferPreprocessing.rotate90(m, WaferPreprocessing.SIZE, 1)),
        ROT180(m -> WaferPreprocessing.rotate90(m, WaferPreprocessing.SIZE, 2)),
        ROT270(m -> WaferPreprocessing.rotate90(m, WaferPreprocessing.SIZE, 3)),
        FLIP_H(m -> WaferPreprocessing.flipHorizontal(m, WaferPreprocessing.SIZE)),
        FLIP_V(m -> WaferPreprocessing.flipVertical(m, WaferPreprocessing.SIZE)),
        /** Horizontal flip of the 270-degree rotation: the reflection about the main diagonal. */
        TRANSPOSE(m -> WaferPreprocessing.flipHorizontal(WaferPreprocessing.rotate90(m, WaferPreprocessing.SIZE, 3),
                WaferPreprocessing.SIZE)),
        /** Horizontal flip of the 90-degree rotation: the reflection about the anti-diagonal. */
        ANTI_TRANSPOSE(m -> WaferPreprocessing.flipHorizontal(WaferPreprocessing.rotate90(m, WaferPreprocessing.SIZE, 1),
                WaferPreprocessing.SIZE));

        private final UnaryOperator<float[]> op;

        Transform(UnaryOperator<float[]> op) {
            this.op = op;
        }

        public float[] apply(float[] map) {
            return op.apply(map);
        }
    }

    private final String id;
    private final List<Transform> transforms;

    AugmentedTestSet(String id, List<Transform> transforms) {
        this.id = id;
        this.transforms = transforms;
    }

    public String id() {
        return id;
    }

    /** The transforms whose copies make up the set (empty for {@code none}). */
    public List<Transform> transforms() {
        return transforms;
    }

    /** Copies per original: 1 for {@code none}, else the number of transforms. */
    public int copiesPerMap() {
        return transforms.isEmpty() ? 1 : transforms.size();
    }

    /** The augmented set of {@code test}: for {@code none} the test set itself, else only transformed copies. */
    public LabelledMaps apply(LabelledMaps test) {
        if (transforms.isEmpty()) {
            return test;
        }
        int n = test.size();
        float[][] maps = new float[n * transforms.size()][];
        int[] labels = new int[maps.length];
        int k = 0;
        for (Transform t : transforms) {
            for (int i = 0; i < n; i++) {
                maps[k] = t.apply(test.maps()[i]);
                labels[k++] = test.labels()[i];
            }
        }
        return new LabelledMaps(maps, labels);
    }

    public static AugmentedTestSet parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (AugmentedTestSet a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown augmentation '" + text + "' (none, rot, flip or rotflip)");
    }
}
