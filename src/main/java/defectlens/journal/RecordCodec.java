package defectlens.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one record type lives in a {@link Journal}: the JSON field that holds it on a line ({@code "rating"},
 * {@code "decision"}), the noun used in messages ({@code "rating"} gives "cannot open the ratings journal"),
 * the Jackson mapper and class that write and read it, and the id that makes an append idempotent (a record
 * whose id is already in the journal is not written again).
 *
 * @param <T> the record type, usually a Java record
 */
public final class RecordCodec<T> {
    private final String field;
    private final String noun;
    private final ObjectMapper mapper;
    private final Class<T> type;
    private final Function<T, String> id;

    /**
     * A codec for {@code type}. The mapper must write compactly (no indentation, one line); {@code field} must be
     * a plain JSON name (letters, digits, '_').
     */
    public RecordCodec(String field, String noun, ObjectMapper mapper, Class<T> type, Function<T, String> id) {
        if (!field.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain JSON field name: " + field);
        }
        this.field = field;
        this.noun = Objects.requireNonNull(noun);
        this.mapper = Objects.requireNonNull(mapper);
        this.type = Objects.requireNonNull(type);
        this.id = Objects.requireNonNull(id);
    }

    /** The JSON field of a line that holds the record. */
    public String field() {
        return field;
    }

    /** The record's name in messages, singular ("rating"). */
    public String noun() {
        return noun;
    }

    /** The id of a record: a second record with the same id is a duplicate. */
    public String id(T record) {
        return id.apply(record);
    }

    /** The record as one compact JSON object. */
    String write(T record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + noun + " as JSON", e);
        }
    }

    /** The record of a JSON object, or {@code null} when it is not a valid record of this type. */
    T read(String json) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
