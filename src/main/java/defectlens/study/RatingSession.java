package defectlens.study;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalRecovery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rater working through a study, without a window: the rater's item order, the answers given so
 * far (read back from the journal, so a restarted session resumes where the rater stopped) and
 * {@link #answer}, which returns only when the rating is forced to disk. An item whose explanation picture is
 * missing cannot be rated: {@link #answer} refuses it, so no rating of a picture the rater never saw is recorded.
 * The rating window is a thin view over it; thread-safe, so saving can run off the FX thread.
 */
public final class RatingSession implements AutoCloseable {
    private final StudyPlan plan;
    private final StudyFolder study;
    private final String rater;
    private final String appVersion;
    private final RatingJournal journal;
    private final List<StudyItem> order;
    private final Map<Rating.AnswerKey, Rating> latest = new HashMap<>();

    public RatingSession(StudyFolder study, String rater, String appVersion) {
        this.plan = study.plan();
        this.study = study;
        this.rater = StudyFolder.checkRater(rater);
        this.appVersion = appVersion;
        this.order = RaterOrder.of(plan, rater);
        this.journal = study.openJournal(rater);
        JournalValidation valid = new JournalValidation(plan);
        for (Rating r : RatingSet.of(journal.ratings().stream().filter(valid::accepts).toList()).effective()) {
            latest.put(r.key(), r);
        }
    }

    public StudyPlan plan() {
        return plan;
    }

    public String rater() {
        return rater;
    }

    public List<StudyItem> order() {
        return order;
    }

    /** What opening the journal found (damaged lines set aside are reported to the rater). */
    public JournalRecovery recovery() {
        return journal.recovery();
    }

    /** The label the rater sees for the item's method, e.g. "Explanation B". */
    public String labelOf(StudyItem item) {
        return plan.labelOf(item.method());
    }

    /** The current answer to a question about an item, if given. */
    public synchronized Optional<Rating> answer(StudyItem item, String question) {
        return Optional.ofNullable(latest.get(new Rating.AnswerKey(rater, item.imageId(), item.method(), question)));
    }

    /** The comment given with the item's latest answer ("" when none). */
    public synchronized String comment(StudyItem item) {
        return latest.values().stream().filter(r -> r.item().equals(item))
                .max(Rating::compareTime).map(Rating::comment).orElse("");
    }

    /** True when the item's picture is there, so that it can be rated. */
    public boolean available(StudyItem item) {
        return study.available(item);
    }

    /**
     * Submits an answer and returns it once it is on disk; an unchanged answer is not written again. Refuses
     * (with a {@link DefectLensException} naming the picture's label, never the method) an item whose picture is
     * missing.
     */
    public Rating answer(StudyItem item, String question, int value, String comment) {
        if (!available(item)) {
            throw new DefectLensException(study.dir(), "cannot rate " + labelOf(item) + " of image " + item.imageId()
                    + ": its picture is missing, so the item is unavailable");
        }
        Optional<Rating> old = answer(item, question);
        String c = comment == null ? "" : comment;
        if (old.isPresent() && old.get().value() == value && old.get().comment().equals(c)) {
            return old.get();
        }
        Rating r = Rating.submit(plan, rater, item, question, value, c, appVersion);
        journal.append(r);
        synchronized (this) {
            latest.put(r.key(), r);
        }
        return r;
    }

    /** Gives a new comment to every answered question of an item (re-submitting them with the same values). */
    public int comment(StudyItem item, String comment) {
        int n = 0;
        for (String q : plan.questionnaire().questionIds()) {
            Optional<Rating> old = answer(item, q);
            if (old.isPresent() && !Objects.equals(old.get().comment(), comment)) {
                answer(item, q, old.get().value(), comment);
                n++;
            }
        }
        return n;
    }

    /** The progress over the items that have their picture (looks at the study folder). */
    public synchronized RaterProgress progress() {
        return RaterProgress.of(plan, rater, List.copyOf(latest.values()), study::available);
    }

    /** The progress over the items {@code available} accepts (a caller that knows them already). */
    public synchronized RaterProgress progress(java.util.function.Predicate<StudyItem> available) {
        return RaterProgress.of(plan, rater, List.copyOf(latest.values()), available);
    }

    @Override
    public void close() {
        journal.close();
    }
}
