package defectlens.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The line format of a ratings journal: one JSON object per line,
 * {@code {"crc32":"1a2b3c4d","rating":{...}}}, where the CRC32 covers the exact UTF-8 bytes of the
 * rating object as written. A line whose checksum does not match (a torn write, a flipped bit) is
 * recognised as damaged.
 */
final class JournalLine {
    private static final String PREFIX = "{\"crc32\":\"";
    private static final String MIDDLE = "\",\"rating\":";

    private JournalLine() {
    }

    static String encode(Rating r) {
        try {
            String json = StudyJson.COMPACT.writeValueAsString(r);
            return PREFIX + crc(json) + MIDDLE + json + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rating as JSON", e);
        }
    }

    /** The rating of a line (without its newline), or empty when the line is damaged. */
    static Optional<Rating> decode(String line) {
        if (!line.startsWith(PREFIX) || !line.endsWith("}") || line.length() < PREFIX.length() + 8 + MIDDLE.length() + 3) {
            return Optional.empty();
        }
        String sum = line.substring(PREFIX.length(), PREFIX.length() + 8);
        int jsonStart = PREFIX.length() + 8 + MIDDLE.length();
        if (!line.startsWith(MIDDLE, PREFIX.length() + 8)) {
            return Optional.empty();
        }
        String json = line.substring(jsonStart, line.length() - 1);
        if (!crc(json).equals(sum)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StudyJson.COMPACT.readValue(json, Rating.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String crc(String json) {
        CRC32 c = new CRC32();
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }
}
