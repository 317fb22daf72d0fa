package defectlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON writer of the CLI: pretty-printed, stable key order. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** The JSON of an object with one more top-level field (e.g. a report beside a summary). */
    public static String writeWith(Object value, String field, Object extra) {
        ObjectNode node = MAPPER.valueToTree(value);
        node.set(field, MAPPER.valueToTree(extra));
        return write(node);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
