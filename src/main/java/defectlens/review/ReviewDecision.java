package defectlens.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import defectlens.model.ClassProbability;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One line of a reviewer's decisions journal: who decided what about which item of which review, when, and what
 * the model said at that moment. {@code id} is a UUID and makes the line unique (a merge recognises duplicates by
 * it); {@code index} is the item's number in data-set order and {@code item} its id (SEM sample id, or the wafer
 * row number). {@code classAfter} is set for {@link DecisionAction#ACCEPT} (the prediction) and
 * {@link DecisionAction#RELABEL} (the chosen class) only; {@code supersedes} names the line an
 * {@link DecisionAction#UNDO} withdraws (or, on a decision, the one it replaces). Nothing is ever edited: a change
 * of mind is a new line. {@code source} says how it was made ({@code "keyboard"}, {@code "mouse"}, {@code "cli"},
 * {@code "bulk: accept line_break at p >= 0.95"}); {@code model} is the model's name and weights hash prefix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewDecision(String id, String review, String item, int index, String reviewer, String time,
        DecisionAction action, String labelBefore, String predicted, List<ClassProbability> top, String classAfter,
        String note, String supersedes, String source, String model) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public ReviewDecision {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a decision needs an id");
        }
        top = top == null ? List.of() : List.copyOf(top);
    }

    /** The time of a decision: now, ISO-8601 in UTC with milliseconds ({@code 2026-11-30T07:12:03.042Z}). */
    public static String timeNow(Clock clock) {
        return TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
