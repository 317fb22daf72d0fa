package defectlens.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The Jackson mappers of review files: a compact one for journal lines, an indented one for review.json. */
public final class ReviewJson {
    /** One object per line, no indentation, nulls left out: the decisions journal. */
    public static final ObjectMapper COMPACT = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Human-readable documents: review.json and the predictions metadata. */
    public static final ObjectMapper PRETTY = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReviewJson() {
    }
}
