package defectlens.journal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The line format of every journal: one JSON object per line, {@code {"crc32":"1a2b3c4d","<field>":{...}}}, where
 * the CRC32 covers the exact UTF-8 bytes of the record object as written and {@code <field>} is the codec's
 * {@link RecordCodec#field()} ({@code "rating"} in a ratings journal). A line whose checksum does not match (a torn
 * write, a flipped bit) or whose record does not read is recognised as damaged.
 */
public final class ChecksummedLine {
    private static final String PREFIX = "{\"crc32\":\"";
    private static final int SUM_LENGTH = 8;

    private ChecksummedLine() {
    }

    /** The line of a record, without its newline. */
    public static <T> String encode(RecordCodec<T> codec, T record) {
        String json = codec.write(record);
        return PREFIX + crc(json) + middle(codec) + json + "}";
    }

    /** The record of a line (without its newline), or empty when the line is damaged. */
    public static <T> Optional<T> decode(RecordCodec<T> codec, String line) {
        String middle = middle(codec);
        int jsonStart = PREFIX.length() + SUM_LENGTH + middle.length();
        if (!line.startsWith(PREFIX) || !line.endsWith("}") || line.length() < jsonStart + 3
                || !line.startsWith(middle, PREFIX.length() + SUM_LENGTH)) {
            return Optional.empty();
        }
        String sum = line.substring(PREFIX.length(), PREFIX.length() + SUM_LENGTH);
        String json = line.substring(jsonStart, line.length() - 1);
        if (!crc(json).equals(sum)) {
            return Optional.empty();
        }
        return Optional.ofNullable(codec.read(json));
    }

    private static String middle(RecordCodec<?> codec) {
        return "\",\"" + codec.field() + "\":";
    }

    /** The CRC32 of the UTF-8 bytes of {@code json} as eight lower-case hex digits. */
    static String crc(String json) {
        CRC32 c = new CRC32();
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }
}
