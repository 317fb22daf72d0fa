package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is writing ratings ({@code destroyForcibly}) at random moments (and every third round leaves half a line
 * at the end, as a power cut could), then checks that
 * every rating the child confirmed as saved is in the journal and that the journal reopens.
 */
class RatingJournalCrashTest {
    static final int ROUNDS = 15;

    @Test
    void noConfirmedRatingIsLostWhenTheWriterIsKilled(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal-alice.jsonl");
        Random random = new Random(20261123);
        Set<String> confirmed = Collections.synchronizedSet(new HashSet<>());
        int setAsideTotal = 0;
        int killedWhileWriting = 0;
        int roundsWithWrites = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    JournalWriterMain.class.getName(), journal.toString(), "r" + round)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.txt").toFile())).start();
            CountDownLatch ready = new CountDownLatch(1);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("ready")) {
                            ready.countDown();
                        } else {
                            confirmed.add(line);
                            seen.add(line);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the pipe closes when the child is killed
                }
            });
            reader.start();
            assertTrue(ready.await(20, TimeUnit.SECONDS), "child did not start");
            Thread.sleep(50 + random.nextInt(351));
            boolean wasAlive = p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            reader.join(10_000);
            if (wasAlive) {
                killedWhileWriting++;
            }
            boolean powerCut = round % 3 == 2;
            if (powerCut) {
                // a kill cannot split one write() call, a power cut can: leave half a line at the end
                String line = JournalLine.encode(new Rating("torn-" + round, "crash", "alice", "img0", "gradcam", "Q1", 3,
                        "lost", "t", "1.0", "crash-test"));
                java.nio.file.Files.writeString(journal, line.substring(0, 1 + random.nextInt(line.length() - 1)),
                        java.nio.file.StandardOpenOption.APPEND);
            }
            try (RatingJournal j = RatingJournal.open(journal)) {
                Set<String> inJournal = new HashSet<>();
                j.ratings().forEach(r -> inJournal.add(r.submissionId()));
                for (String id : confirmed) {
                    assertTrue(inJournal.contains(id), "round " + round + ": confirmed rating " + id + " missing");
                }
                setAsideTotal += j.recovery().setAside();
                assertEquals(powerCut ? 1 : 0, j.recovery().setAside(), j.recovery().describe());
            }
            if (!seen.isEmpty()) {
                roundsWithWrites++;
            }
        }
        try (RatingJournal j = RatingJournal.open(journal)) {
            assertTrue(j.recovery().clean());
            assertTrue(j.ratings().size() >= confirmed.size());
        }
        assertEquals(ROUNDS, killedWhileWriting);
        assertTrue(roundsWithWrites >= ROUNDS - 2, "only " + roundsWithWrites + " rounds wrote ratings: "
                + java.nio.file.Files.readString(dir.resolve("child-stderr.txt")));
        System.out.printf("crash test: %d rounds (%d with writes), %d confirmed ratings, %d damaged lines set aside%n",
                ROUNDS, roundsWithWrites, confirmed.size(), setAsideTotal);
    }
}
