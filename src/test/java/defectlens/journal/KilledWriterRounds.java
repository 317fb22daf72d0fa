package defectlens.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The crash test of a journal, for any record type: kills a JVM that is appending records ({@code destroyForcibly})
 * at random moments (and every third round leaves half a line at the end, as a power cut could), then checks after
 * each round that every record the child confirmed as saved is in the journal and that the journal reopens with
 * exactly the torn line set aside. The child is a main class that runs {@link WriterLoop} with the arguments
 * {@code <journal> <id prefix>}.
 */
public final class KilledWriterRounds {
    /** What the rounds did: rounds in which the child confirmed writes, records confirmed, damaged lines set aside. */
    public record Result(int rounds, int roundsWithWrites, int confirmed, int setAside) {
        public String describe(String noun) {
            return String.format("crash test: %d rounds (%d with writes), %d confirmed %ss, %d damaged lines set aside",
                    rounds, roundsWithWrites, confirmed, noun, setAside);
        }
    }

    private KilledWriterRounds() {
    }

    /**
     * Runs {@code rounds} rounds against {@code journal}; {@code tornRecord} makes the record whose line is cut in
     * half in the power-cut rounds (it must never appear in the journal).
     */
    public static <T> Result run(Path dir, Path journal, Class<?> writerMain, RecordCodec<T> codec,
            IntFunction<T> tornRecord, int rounds, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        Set<String> confirmed = Collections.synchronizedSet(new HashSet<>());
        Path childErr = dir.resolve("child-stderr.txt");
        int setAsideTotal = 0;
        int killedWhileWriting = 0;
        int roundsWithWrites = 0;
        for (int round = 0; round < rounds; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    writerMain.getName(), journal.toString(), "r" + round)
                    .redirectError(ProcessBuilder.Redirect.appendTo(childErr.toFile())).start();
            CountDownLatch ready = new CountDownLatch(1);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> readConfirmations(p, ready, confirmed, seen));
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
                // a power cut can cut a line anywhere: leave half a line at the end
                String line = ChecksummedLine.encode(codec, tornRecord.apply(round));
                Files.writeString(journal, line.substring(0, 1 + random.nextInt(line.length() - 1)),
                        StandardOpenOption.APPEND);
            }
            try (Journal<T> j = Journal.open(journal, codec)) {
                Set<String> inJournal = new HashSet<>();
                j.records().forEach(r -> inJournal.add(codec.id(r)));
                for (String id : confirmed) {
                    assertTrue(inJournal.contains(id), "round " + round + ": confirmed " + codec.noun() + " " + id
                            + " missing");
                }
                setAsideTotal += j.recovery().setAside();
                // A power cut leaves exactly one torn tail. A kill almost never does, but Linux may end a write()
                // that crosses a page boundary early when SIGKILL arrives between the two pages: then the
                // unconfirmed last line is torn and set aside - never a confirmed one (checked above).
                if (powerCut) {
                    assertEquals(1, j.recovery().setAside(), j.recovery().describe());
                } else {
                    assertTrue(j.recovery().setAside() <= 1, j.recovery().describe());
                }
            }
            if (!seen.isEmpty()) {
                roundsWithWrites++;
            }
        }
        try (Journal<T> j = Journal.open(journal, codec)) {
            assertTrue(j.recovery().clean());
            assertTrue(j.records().size() >= confirmed.size());
        }
        assertEquals(rounds, killedWhileWriting);
        assertTrue(roundsWithWrites >= rounds - 2, "only " + roundsWithWrites + " rounds wrote " + codec.noun()
                + "s: " + Files.readString(childErr));
        return new Result(rounds, roundsWithWrites, confirmed.size(), setAsideTotal);
    }

    private static void readConfirmations(Process p, CountDownLatch ready, Set<String> confirmed, List<String> seen) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ready")) {
                    ready.countDown();
                } else {
                    confirmed.add(line);
                    seen.add(line);
                }
            }
        } catch (IOException ignored) {
            // the pipe closes when the child is killed
        }
    }
}
