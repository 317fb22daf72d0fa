package defectlens.cli.review;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.journal.JournalReport;
import defectlens.review.DecisionLedger;
import defectlens.review.DecisionMerger;
import defectlens.review.ReviewDecision;
import defectlens.review.ReviewFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review merge DIR JOURNAL... [--json]}: merges decisions journals from elsewhere into the review (all or
 * nothing), then prints what was added, the duplicates, the refused lines and the items where reviewers disagree.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge decisions journals of other reviewers (or machines) into a review.")
final class ReviewMergeCommand implements Callable<Integer> {
    /** Conflicts listed one per line in the text output before "... more". */
    private static final int SHOWN_CONFLICTS = 20;

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "JOURNAL", description = "Decisions journals (.jsonl).")
    List<Path> journals;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ReviewFolder f = ReviewFolder.open(dir);
        DecisionMerger.MergeResult r = DecisionMerger.merge(f, () -> ReviewData.items(f), journals);
        reportRefusals(spec.commandLine().getErr(), r.refused());
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("read", r.read());
            doc.put("added", r.added());
            doc.put("duplicates", r.duplicates());
            doc.put("refused", r.refused().refused());
            doc.put("other_review", r.otherReview());
            doc.put("added_per_reviewer", r.addedPerReviewer());
            doc.put("conflicts", r.conflicts());
            doc.put("report", r.refused());
            out.println(Json.write(doc));
            return 0;
        }
        out.printf("%s: added %d, duplicates %d, refused %d, conflicts %d%n", f.dir(), r.added(), r.duplicates(),
                r.refused().refused(), r.conflicts().size());
        r.addedPerReviewer().forEach((reviewer, n) -> out.printf("  %s: %d added%n", reviewer, n));
        List<DecisionLedger.Conflict> conflicts = r.conflicts();
        for (int k = 0; k < Math.min(SHOWN_CONFLICTS, conflicts.size()); k++) {
            DecisionLedger.Conflict c = conflicts.get(k);
            out.printf("  conflict on item %s (%d): %s%n", c.item(), c.index(), c.classByReviewer());
        }
        if (conflicts.size() > SHOWN_CONFLICTS) {
            out.printf("  ... %d more conflicts (--json lists all)%n", conflicts.size() - SHOWN_CONFLICTS);
        }
        return 0;
    }

    /** One stderr line per journal with refused lines: how many, why, and which lines. */
    static void reportRefusals(PrintWriter err, JournalReport<ReviewDecision> report) {
        for (String journal : report.journalsWithRefusals()) {
            err.println("warning: " + journal + ": " + report.describe(journal));
        }
    }
}
