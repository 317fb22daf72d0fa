package defectlens.journal;

/**
 * What a study or a review accepts from a journal: the refusal of a damaged line, and of a readable record that does
 * not fit (null when it is accepted). {@link JournalReport#check} runs it over every line of some journals.
 *
 * @param <T> the record type
 */
public interface LineCheck<T> {
    /** The refusal of line {@code line} of {@code journal}, which is damaged (bad checksum, not a journal line). */
    RefusedLine damaged(String journal, int line);

    /** The refusal of a readable record on line {@code line} of {@code journal}, or null when it is accepted. */
    RefusedLine refusal(String journal, int line, T record);
}
