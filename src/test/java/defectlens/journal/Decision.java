package defectlens.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A test-only second record type for the generic journal, shaped like a reviewer's decision on a flagged item: its
 * own id, the item, the decision ("accept", "relabel", "unsure"), the class after it and a note.
 */
public record Decision(String id, String itemId, String decision, String className, String note) {
    /** Decisions on the {@code "decision"} field of a line, keyed by {@link #id()}. */
    public static final RecordCodec<Decision> CODEC = new RecordCodec<>("decision", "decision",
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false), Decision.class,
            Decision::id);

    public Decision {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a decision needs an id");
        }
    }
}
