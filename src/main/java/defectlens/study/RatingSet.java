package defectlens.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ratings an analysis uses. Submissions are counted once (a submission id seen in several
 * journals is one submission), and when a rater answers the same question about the same item again,
 * the later submission (by time, then by journal order) replaces the earlier one.
 */
public final class RatingSet {
    private final List<Rating> all;
    private final List<Rating> effective;

    private RatingSet(List<Rating> all, List<Rating> effective) {
        this.all = List.copyOf(all);
        this.effective = List.copyOf(effective);
    }

    /** Builds the set from ratings in journal order (duplicates allowed). */
    public static RatingSet of(Collection<Rating> ratings) {
        List<Rating> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Rating r : ratings) {
            if (seen.add(r.submissionId())) {
                unique.add(r);
            }
        }
        Map<Rating.AnswerKey, Rating> latest = new LinkedHashMap<>();
        for (Rating r : unique) {
            latest.merge(r.key(), r, (old, neu) -> Rating.compareTime(neu, old) >= 0 ? neu : old);
        }
        return new RatingSet(unique, new ArrayList<>(latest.values()));
    }

    /** Every distinct submission, replaced ones included. */
    public List<Rating> all() {
        return all;
    }

    /** One rating per (rater, image, method, question): the latest. */
    public List<Rating> effective() {
        return effective;
    }

    public boolean isEffective(Rating r) {
        return effective.contains(r);
    }

    public List<String> raters() {
        return effective.stream().map(Rating::rater).distinct().sorted().toList();
    }
}
