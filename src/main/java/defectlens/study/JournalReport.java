package defectlens.study;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What reading journals against a study plan found: the ratings accepted into the study and every
 * refused line with its reason. {@code status}, {@code summary}, {@code export} and {@code merge} print
 * {@link #describe(String)} for each journal with refusals on stderr and the report itself in
 * {@code --json} ({@code refused}, {@code perReason}, {@code lines}).
 */
public record JournalReport(@JsonIgnore List<Rating> accepted, int refused, Map<String, Integer> perReason,
        List<JournalRefusal> lines) {
    /** Line numbers shown in a one-line description before "...". */
    private static final int SHOWN_LINES = 10;

    public JournalReport {
        accepted = List.copyOf(accepted);
        lines = List.copyOf(lines);
        perReason = Collections.unmodifiableMap(new LinkedHashMap<>(perReason));
    }

    static JournalReport of(List<Rating> accepted, List<JournalRefusal> refusals) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JournalRefusal r : refusals) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return new JournalReport(accepted, refusals.size(), counts, refusals);
    }

    public boolean clean() {
        return refused == 0;
    }

    /** The journals with at least one refused line, in order of first refusal. */
    public List<String> journalsWithRefusals() {
        return lines.stream().map(JournalRefusal::journal).distinct().toList();
    }

    /** The refused lines of one journal. */
    public List<JournalRefusal> refusedIn(String journal) {
        return lines.stream().filter(r -> r.journal().equals(journal)).toList();
    }

    /**
     * One line about a journal: {@code "3 line(s) refused: 1 damaged line (...) (line 4); 2 value outside the
     * questionnaire's scale (lines 2 [value 99], 3 [value -5])"}.
     */
    public String describe(String journal) {
        List<JournalRefusal> mine = refusedIn(journal);
        Map<String, List<JournalRefusal>> byReason = mine.stream()
                .collect(Collectors.groupingBy(JournalRefusal::reason, LinkedHashMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<JournalRefusal>> e : byReason.entrySet()) {
            parts.add(e.getValue().size() + " " + e.getKey() + " (" + lineList(e.getValue()) + ")");
        }
        return mine.size() + " line(s) refused: " + String.join("; ", parts);
    }

    private static String lineList(List<JournalRefusal> refusals) {
        StringBuilder b = new StringBuilder(refusals.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < Math.min(SHOWN_LINES, refusals.size()); i++) {
            JournalRefusal r = refusals.get(i);
            b.append(i == 0 ? "" : ", ").append(r.line());
            if (!r.detail().isEmpty()) {
                b.append(" [").append(r.detail()).append("]");
            }
        }
        if (refusals.size() > SHOWN_LINES) {
            b.append(", ... ").append(refusals.size() - SHOWN_LINES).append(" more");
        }
        return b.toString();
    }
}
