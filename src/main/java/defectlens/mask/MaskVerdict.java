package defectlens.mask;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One line of a mask validation journal: who set which image's mask to which state, when, from which candidate
 * generator. {@code id} is a UUID (a line is never written twice); {@code image} is the sample id, {@code label}
 * its class; for accepted and edited masks {@code imagePath} and {@code maskPath} are the files in the output
 * data set, relative to its {@code carinthia-s.csv}. Nothing is edited: a change of mind is a new line, the newest
 * line of an image is its state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskVerdict(String id, String image, String label, MaskState state, String generator, String author,
        String time, String imagePath, String maskPath) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public MaskVerdict {
        if (id == null || id.isEmpty() || image == null || state == null) {
            throw new IllegalArgumentException("a mask verdict needs an id, an image and a state");
        }
    }

    /** Now, ISO-8601 in UTC with milliseconds; such times sort as text. */
    public static String timeNow(Clock clock) {
        return TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** "accepted (existing mask) by ana at 2026-11-30T07:12:03.042Z". */
    public String describe() {
        return state.word() + (generator == null ? "" : " (" + generator + ")") + " by " + author + " at " + time;
    }
}
