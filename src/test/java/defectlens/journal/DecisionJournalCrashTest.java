package defectlens.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the generic journal with a second record type: a JVM appending decisions is killed at random
 * moments ({@link KilledWriterRounds}); no confirmed decision is ever missing and the journal always reopens.
 */
class DecisionJournalCrashTest {
    static final int ROUNDS = 6;

    @Test
    void noConfirmedDecisionIsLostWhenTheWriterIsKilled(@TempDir Path dir) throws Exception {
        KilledWriterRounds.Result result = KilledWriterRounds.run(dir, dir.resolve("decisions-bob.jsonl"),
                DecisionWriterMain.class, Decision.CODEC,
                round -> new Decision("torn-" + round, "wafer-1", "relabel", "Scratch", "lost"), ROUNDS, 20261130);
        assertTrue(result.confirmed() > 0, result.describe("decision"));
        System.out.println(result.describe("decision"));
    }
}
