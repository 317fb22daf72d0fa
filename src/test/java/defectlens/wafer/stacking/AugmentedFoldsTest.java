package defectlens.wafer.stacking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The out-of-fold folds when CAE-augmented maps join the training rows: a made map lies in its source's fold (so no
 * base model gives an out-of-fold probability for a map while fitted on a near-copy of it), the raw maps are dealt
 * as without augmentation, and the source rows come from the made maps' wafer indices.
 */
class AugmentedFoldsTest {
    private static final int FOLDS = 5;
    private static final long SEED = 21;

    @Test
    void madeRowsLieInTheirSourcesFoldAndRawRowsAreDealtAsWithoutThem() {
        int[] rawY = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2};
        int[] madeFrom = {0, 3, 3, 7, 11, 12, 17, 6};
        int n = rawY.length + madeFrom.length;
        int[] y = new int[n];
        int[] sources = new int[n];
        for (int i = 0; i < rawY.length; i++) {
            y[i] = rawY[i];
            sources[i] = i;
        }
        for (int j = 0; j < madeFrom.length; j++) {
            y[rawY.length + j] = rawY[madeFrom[j]];
            sources[rawY.length + j] = madeFrom[j];
        }
        int[] fold = StackingEnsemble.folds(y, sources, FOLDS, SEED);
        int[] rawFold = StackingEnsemble.folds(rawY, FOLDS, SEED);
        for (int i = 0; i < rawY.length; i++) {
            assertEquals(rawFold[i], fold[i], "raw row " + i);
        }
        for (int j = 0; j < madeFrom.length; j++) {
            assertEquals(fold[madeFrom[j]], fold[rawY.length + j], "made row " + j + " and its source");
        }
    }

    @Test
    void withoutMadeRowsTheFoldsAreTheClassDeal() {
        int[] y = {2, 0, 1, 1, 0, 2, 2, 0, 1, 0, 0, 1, 2};
        int[] sources = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            sources[i] = i;
        }
        assertArrayEquals(StackingEnsemble.folds(y, FOLDS, SEED), StackingEnsemble.folds(y, sources, FOLDS, SEED));
    }

    @Test
    void aMadeRowMustComeFromARawRow() {
        int[] y = {0, 0, 0, 0};
        assertThrows(IllegalArgumentException.class,
                () -> StackingEnsemble.folds(y, new int[] {0, 1, 1, 2}, FOLDS, SEED));
        assertThrows(IllegalArgumentException.class,
                () -> StackingEnsemble.folds(y, new int[] {0, 1, 2, 7}, FOLDS, SEED));
        assertThrows(IllegalArgumentException.class,
                () -> StackingEnsemble.folds(y, new int[] {0, 1, 2}, FOLDS, SEED));
    }

    @Test
    void sourcesComeFromTheMadeMapsWaferIndex() {
        List<WaferMap> made = List.of(map(2), map(0), map(2));
        assertArrayEquals(new int[] {0, 1, 2, 2, 0, 2}, BsemlTraining.sources(3, made));
    }

    private static WaferMap map(int source) {
        return new WaferMap(new byte[] {1, 2, 1, 1}, 2, 2, "Loc", WaferSplit.TRAINING, 0, "cae-augmented", source);
    }
}
