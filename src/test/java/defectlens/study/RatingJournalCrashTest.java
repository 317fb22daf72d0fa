package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.journal.KilledWriterRounds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is writing ratings ({@code destroyForcibly}) at random moments (and every third round leaves half
 * a line at the end, as a power cut could), then checks that every rating the child confirmed as saved is in the
 * journal and that the journal reopens ({@link KilledWriterRounds}, the same rounds the decisions journal runs).
 */
class RatingJournalCrashTest {
    static final int ROUNDS = 15;

    @Test
    void noConfirmedRatingIsLostWhenTheWriterIsKilled(@TempDir Path dir) throws Exception {
        KilledWriterRounds.Result result = KilledWriterRounds.run(dir, dir.resolve("journal-alice.jsonl"),
                JournalWriterMain.class, RatingJournal.CODEC, round -> new Rating("torn-" + round, "crash", "alice",
                        "img0", "gradcam", "Q1", 3, "lost", "t", "1.0", "crash-test"), ROUNDS, 20261123);
        assertTrue(result.confirmed() > 0, result.describe("rating"));
        System.out.println(result.describe("rating"));
    }
}
