package defectlens.app.review;

import defectlens.review.PredictionTable;
import defectlens.review.ReviewDecision;
import defectlens.review.novelty.ReviewNovelty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words the desk shows for an item: its current decision, its label with the model's top 3, and its novelty
 * score with a flag when it lies above the model's held-out threshold.
 */
final class ItemTexts {
    private ItemTexts() {
    }

    /** E.g. {@code ✎ relabel → thin_bridge by ana (note: ...)}, or {@code Undecided}. */
    static String decision(ReviewSession s, int index) {
        Optional<ReviewDecision> d = s == null ? Optional.empty() : s.ledger().current(index);
        if (d.isEmpty()) {
            return "Undecided";
        }
        ReviewDecision r = d.get();
        return DecisionStyle.icon(r.action()) + " " + r.action().json()
                + (r.classAfter() == null ? "" : " \u2192 " + r.classAfter()) + " by " + r.reviewer()
                + (r.note() == null ? "" : " (note: " + r.note() + ")");
    }

    /** E.g. {@code sem_000016: label thin_bridge; model: line_break 46 %, thin_bridge 39 %, no_defect 15 %}. */
    static String prediction(ReviewSession s, int index) {
        if (s == null) {
            return "";
        }
        PredictionTable t = s.table();
        StringBuilder b = new StringBuilder(t.id(index)).append(": label ")
                .append(t.labelName(index) == null ? "none" : t.labelName(index)).append("; model: ");
        if (!t.isDone(index)) {
            return b.append("not classified yet").toString();
        }
        List<String> top = t.top(index, 3).stream().map(c -> String.format(Locale.ROOT, "%s %.0f %%",
                c.label(), 100 * c.probability())).toList();
        return b.append(String.join(", ", top)).append(novelty(s, index).isEmpty() ? "" : "; " + novelty(s, index))
                .toString();
    }

    /** E.g. {@code novelty -3.1 ⚑ novel} (above the threshold), {@code novelty -9.8}, or "" without a score. */
    static String novelty(ReviewSession s, int index) {
        ReviewNovelty n = s == null ? null : s.novelty();
        if (n == null || Float.isNaN(n.scores()[index])) {
            return "";
        }
        return String.format(Locale.ROOT, "novelty %.1f", n.scores()[index]) + (n.flagged(index) ? " \u2691 novel"
                : "");
    }

    /** The novelty part of the desk's status line: counts, or that the model has no novelty fit. */
    static String noveltyStatus(ReviewSession s) {
        ReviewNovelty n = s.novelty();
        if (n != null) {
            return String.format(Locale.ROOT, "; novelty (%s, threshold %.2f): %d scored, %d above", n.score(),
                    n.threshold(), n.scoredCount(), n.flaggedCount());
        }
        return s.hasNoveltyFit() ? "; novelty not scored yet (Classify missing)"
                : "; no novelty scores (the model has no novelty fit)";
    }
}
