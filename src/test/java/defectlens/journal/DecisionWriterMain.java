package defectlens.journal;

import java.nio.file.Path;

/** The child process of {@link DecisionJournalCrashTest}: appends decisions until it is killed. */
public final class DecisionWriterMain {
    private DecisionWriterMain() {
    }

    public static void main(String[] args) {
        String[] kinds = {"accept", "relabel", "unsure"};
        // a long note makes lines span several blocks, so kills can tear them
        WriterLoop.run(Path.of(args[0]), args[1], Decision.CODEC, (prefix, i) -> new Decision(prefix + "-" + i,
                "wafer-" + (i % 811), kinds[i % 3], "Edge-Ring", "n".repeat(i % 900)));
    }
}
