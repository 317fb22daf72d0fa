package defectlens.study;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The Jackson mappers of the study files: a compact one for journal lines, an indented one for plans. */
final class StudyJson {
    /** One object per line, no indentation: the journal. */
    static final ObjectMapper COMPACT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Human-readable documents: plans and questionnaires. */
    static final ObjectMapper PRETTY = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StudyJson() {
    }
}
