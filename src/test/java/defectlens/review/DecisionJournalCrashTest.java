package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.journal.KilledWriterRounds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the decisions journal: a JVM appending {@link ReviewDecision}s is killed at random moments (and
 * every third round leaves half a line at the end, as a power cut could); no confirmed decision is ever missing and
 * the journal always reopens ({@link KilledWriterRounds}, the same rounds the ratings journal runs).
 */
class DecisionJournalCrashTest {
    static final int ROUNDS = 6;

    @Test
    void noConfirmedDecisionIsLostWhenTheWriterIsKilled(@TempDir Path dir) throws Exception {
        KilledWriterRounds.Result result = KilledWriterRounds.run(dir, dir.resolve("decisions/bob.jsonl"),
                DecisionWriterMain.class, DecisionJournal.CODEC, round -> new ReviewDecision("torn-" + round,
                        "crash-review", "1", 1, "bob", "2026-11-30T07:00:00.000Z", DecisionAction.RELABEL,
                        "Center", "Center", List.of(), "Scratch", "lost", null, "keyboard", "m"), ROUNDS, 20261130);
        assertTrue(result.confirmed() > 0, result.describe("decision"));
        try (DecisionJournal j = DecisionJournal.open(dir.resolve("decisions/bob.jsonl"))) {
            assertTrue(j.decisions().stream().allMatch(d -> d.action() != null && d.reviewer().equals("bob")),
                    "every line reads back as a whole decision");
        }
        System.out.println(result.describe("decision"));
    }
}
