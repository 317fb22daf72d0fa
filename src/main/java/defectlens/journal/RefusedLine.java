package defectlens.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A journal line that a merge or a check did not take (a damaged line, a rating or decision that does not fit its
 * study or review): the journal, the line number (1-based), the reason (a fixed label, so refusals can be counted
 * per reason) and the detail of this line (e.g. {@code "value 99"}, may be empty).
 */
public interface RefusedLine {
    /** Line numbers shown in a one-line description before "...". */
    int SHOWN_LINES = 10;

    String journal();

    int line();

    String reason();

    String detail();

    /**
     * One line about the refused lines of a journal: {@code "3 line(s) refused: 1 damaged line (...) (line 4); 2
     * value outside the questionnaire's scale (lines 2 [value 99], 3 [value -5])"}.
     */
    static String describe(List<? extends RefusedLine> refused) {
        Map<String, List<RefusedLine>> byReason = refused.stream()
                .collect(Collectors.groupingBy(RefusedLine::reason, LinkedHashMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<RefusedLine>> e : byReason.entrySet()) {
            parts.add(e.getValue().size() + " " + e.getKey() + " (" + lineList(e.getValue()) + ")");
        }
        return refused.size() + " line(s) refused: " + String.join("; ", parts);
    }

    private static String lineList(List<RefusedLine> refusals) {
        StringBuilder b = new StringBuilder(refusals.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < Math.min(SHOWN_LINES, refusals.size()); i++) {
            RefusedLine r = refusals.get(i);
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
