package defectlens.study;

import java.nio.file.Path;

/**
 * The child process of {@link RatingJournalCrashTest}: opens a journal, prints "ready", then appends
 * ratings as fast as it can and prints each submission id only after {@link RatingJournal#append}
 * has returned (the point at which the window would say "saved"). It is killed at a random moment.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        RatingJournal j = RatingJournal.open(file);
        // warm up Jackson so that the random kill moments fall among writes, not class loading
        JournalLine.decode(JournalLine.encode(new Rating("warm-up", "crash", "alice", "img", "gradcam", "Q1", 1, "", "t", "1.0", "x")));
        System.out.println("ready " + j.ratings().size() + " " + j.recovery().setAside());
        System.out.flush();
        for (int i = 0; i < 1_000_000; i++) {
            String id = prefix + "-" + i;
            // a long comment makes lines span several blocks, so kills can tear them
            j.append(new Rating(id, "crash", "alice", "img" + (i % 50), i % 2 == 0 ? "gradcam" : "craft", "Q" + (1 + i % 8),
                    1 + i % 5, "c".repeat(i % 700), java.time.Instant.now().toString(), "1.0", "crash-test"));
            System.out.println(id);
            System.out.flush();
        }
    }
}
