package defectlens.review;

import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SampleDatasets;
import defectlens.dataset.SemDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A SEM review for tests, without a model: a generated Carinthia-S set of 12 images (2 per class, img_0000 ..
 * img_0011 in label order) and a review folder whose predictions are set by hand: even items predicted as their
 * label with p 0.9, odd items as the next class with p 0.6.
 */
record ReviewFixture(SemDataset data, ReviewFolder folder, PredictionTable table) {
    static final List<String> CLASSES =
            List.of("single_bridge", "thin_bridge", "line_collapse", "line_break", "multi_bridge", "no_defect");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);

    static ReviewFixture sem(Path tmp) throws IOException {
        SemDataset data = DatasetOpener.open(SampleDatasets.carinthiaS(tmp.resolve("source"), 2, false));
        PredictionTable table = ReviewItems.of(data, CLASSES);
        for (int i = 0; i < table.size(); i++) {
            float[] row = new float[CLASSES.size()];
            int label = table.label(i);
            boolean even = i % 2 == 0;
            int predicted = even ? label : (label + 1) % CLASSES.size();
            Arrays.fill(row, (even ? 0.1f : 0.4f) / (CLASSES.size() - 1));
            row[predicted] = even ? 0.9f : 0.6f;
            table.setRow(i, row);
        }
        ReviewDefinition def = new ReviewDefinition(ReviewDefinition.FORMAT, "rev-1", ReviewKind.SEM,
                new DataRef(data.root().toString(), "sha256:00", "stamp", data.size()),
                new ModelRef("tiny", tmp.resolve("model").toString(), "0123456789abcdef", null),
                QueueSpec.of(QueueOrder.LEAST_CERTAIN), "2026-11-30T06:00:00Z", CLASSES, null);
        ReviewFolder folder = ReviewFolder.create(tmp.resolve("review"), def, table);
        return new ReviewFixture(data, folder, table);
    }

    DecisionMaker maker(String reviewer) {
        return new DecisionMaker(folder.definition(), table, reviewer, CLOCK);
    }

    /** Appends decisions to the reviewer's journal in the review folder. */
    void record(String reviewer, ReviewDecision... decisions) {
        try (DecisionJournal j = DecisionJournal.open(folder.journalFile(reviewer))) {
            for (ReviewDecision d : decisions) {
                j.append(d);
            }
        }
    }

    DecisionLedger ledger() {
        return ReviewDecisions.read(folder, table).ledger();
    }
}
