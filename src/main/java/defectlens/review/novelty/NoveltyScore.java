package defectlens.review.novelty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import defectlens.core.DefectLensException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The novelty scores of an item, each "higher = less like the training data": the Mahalanobis distance to the
 * nearest class mean under one shared covariance (Lee et al. 2018), the distance to the k-th nearest training item
 * of unit-length embeddings (Sun et al. 2022), the energy {@code -log sum exp(logits)} (Liu et al. 2020) and one minus
 * the maximum softmax probability (Hendrycks and Gimpel 2017, the baseline).
 */
public enum NoveltyScore {
    MAHALANOBIS("mahalanobis"), KNN("knn"), ENERGY("energy"), MSP("msp");

    private final String cliName;

    NoveltyScore(String cliName) {
        this.cliName = cliName;
    }

    @JsonValue
    public String cliName() {
        return cliName;
    }

    /** The score of a name as {@link #cliName()} gives it (case-insensitive). */
    @JsonCreator
    public static NoveltyScore of(String name) {
        for (NoveltyScore s : values()) {
            if (s.cliName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new DefectLensException("unknown novelty score '" + name + "' (one of "
                + Arrays.stream(values()).map(NoveltyScore::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
