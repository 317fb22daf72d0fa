package defectlens.study;

import defectlens.journal.WriterLoop;
import java.nio.file.Path;

/**
 * The child process of {@link RatingJournalCrashTest}: appends ratings to a ratings journal ({@link WriterLoop})
 * until it is killed at a random moment.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        // a long comment makes lines span several blocks, so kills can tear them
        WriterLoop.run(Path.of(args[0]), args[1], RatingJournal.CODEC, (prefix, i) -> new Rating(prefix + "-" + i,
                "crash", "alice", "img" + (i % 50), i % 2 == 0 ? "gradcam" : "craft", "Q" + (1 + i % 8), 1 + i % 5,
                "c".repeat(i % 700), java.time.Instant.now().toString(), "1.0", "crash-test"));
    }
}
