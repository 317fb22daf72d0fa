package defectlens.review;

import defectlens.journal.WriterLoop;
import defectlens.model.ClassProbability;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child process of {@link DecisionJournalCrashTest}: appends {@link ReviewDecision}s to a decisions journal
 * ({@link WriterLoop}) until it is killed at a random moment.
 */
public final class DecisionWriterMain {
    private DecisionWriterMain() {
    }

    public static void main(String[] args) {
        DecisionAction[] actions = {DecisionAction.ACCEPT, DecisionAction.RELABEL, DecisionAction.UNSURE};
        List<ClassProbability> top = List.of(new ClassProbability("Edge-Ring", 0.91),
                new ClassProbability("Edge-Loc", 0.06), new ClassProbability("Scratch", 0.02));
        Clock clock = Clock.systemUTC();
        // a long note makes lines span several blocks, so kills can tear them
        WriterLoop.run(Path.of(args[0]), args[1], DecisionJournal.CODEC, (prefix, i) -> {
            DecisionAction a = actions[i % 3];
            return new ReviewDecision(prefix + "-" + i, "crash-review", Integer.toString(i % 811), i % 811, "bob",
                    ReviewDecision.timeNow(clock), a, "Edge-Ring", "Edge-Ring", top,
                    a == DecisionAction.RELABEL ? "Scratch" : a == DecisionAction.ACCEPT ? "Edge-Ring" : null,
                    "n".repeat(i % 900), null, "keyboard", "wafer-proposed-paper7 0123456789ab");
        });
    }
}
