package defectlens.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What checking journals against what they belong to (a study plan, a review) found: the records accepted and
 * every refused line with its reason. Commands print {@link #describe(String)} for each journal with refusals on
 * stderr and the report itself in {@code --json} ({@code refused}, {@code perReason}, {@code lines}).
 *
 * @param <T> the record type (ratings, decisions)
 */
public record JournalReport<T>(@JsonIgnore List<T> accepted, int refused, Map<String, Integer> perReason,
        List<RefusedLine> lines) {
    public JournalReport {
        accepted = List.copyOf(accepted);
        lines = List.copyOf(lines);
        perReason = Collections.unmodifiableMap(new LinkedHashMap<>(perReason));
    }

    /** The report of accepted records and refused lines, with the refusals counted per reason. */
    public static <T> JournalReport<T> of(List<T> accepted, List<? extends RefusedLine> refusals) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RefusedLine r : refusals) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return new JournalReport<>(accepted, refusals.size(), counts, List.copyOf(refusals));
    }

    /**
     * Sorts every line of the journals into accepted records (in journal order) and refused lines (per journal, by
     * line number).
     */
    public static <T> JournalReport<T> check(List<JournalContent<T>> contents, LineCheck<T> check) {
        List<T> accepted = new ArrayList<>();
        List<RefusedLine> refused = new ArrayList<>();
        for (JournalContent<T> c : contents) {
            String name = c.file().toString();
            List<RefusedLine> mine = new ArrayList<>();
            for (int line : c.damagedLines()) {
                mine.add(check.damaged(name, line));
            }
            for (int i = 0; i < c.records().size(); i++) {
                T r = c.records().get(i);
                RefusedLine refusal = check.refusal(name, c.lineNumbers().get(i), r);
                if (refusal == null) {
                    accepted.add(r);
                } else {
                    mine.add(refusal);
                }
            }
            mine.sort(Comparator.comparingInt(RefusedLine::line));
            refused.addAll(mine);
        }
        return of(accepted, refused);
    }

    public boolean clean() {
        return refused == 0;
    }

    /** The journals with at least one refused line, in order of first refusal. */
    public List<String> journalsWithRefusals() {
        return lines.stream().map(RefusedLine::journal).distinct().toList();
    }

    /** The refused lines of one journal. */
    public List<RefusedLine> refusedIn(String journal) {
        return lines.stream().filter(r -> r.journal().equals(journal)).toList();
    }

    /**
     * One line about a journal: {@code "3 line(s) refused: 1 damaged line (...) (line 4); 2 value outside the
     * questionnaire's scale (lines 2 [value 99], 3 [value -5])"}.
     */
    public String describe(String journal) {
        return RefusedLine.describe(refusedIn(journal));
    }
}
