package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review decide}: bulk accepts recorded as such, items already decided by the reviewer left alone. */
class BulkAcceptTest {
    @Test
    void acceptsConfidentPredictionsOfOneClassOnceAndSaysSo(@TempDir Path tmp) throws Exception {
        ReviewFixture r = ReviewFixture.sem(tmp);
        // line_collapse is predicted for item 4 (its label) with p 0.9 and for item 3 (thin_bridge) with p 0.6
        r.record("ann", r.maker("ann").undecided(4, DecisionAction.SKIP, "keyboard"));
        BulkAccept.Result strict = BulkAccept.run(r.folder(), r.table(), "ann", "line_collapse", 0.85,
                ReviewFixture.CLOCK);
        assertEquals(List.of(1, 0, 1), List.of(strict.eligible(), strict.accepted(), strict.alreadyDecided()));
        BulkAccept.Result res = BulkAccept.run(r.folder(), r.table(), "ann", "line_collapse", 0.5,
                ReviewFixture.CLOCK);
        assertEquals(List.of(2, 1, 1), List.of(res.eligible(), res.accepted(), res.alreadyDecided()));
        assertEquals(0, res.notClassified());
        assertEquals("bulk: accept line_collapse at p >= 0.5", res.source());
        List<ReviewDecision> lines = DecisionJournal.scan(r.folder().journalFile("ann")).records();
        ReviewDecision d = lines.get(1);
        assertEquals(DecisionAction.ACCEPT, d.action());
        assertEquals(3, d.index());
        assertEquals("thin_bridge", d.labelBefore());
        assertEquals("line_collapse", d.classAfter());
        assertEquals(res.source(), d.source());
        assertEquals(3, d.top().size());
        assertEquals("tiny 0123456789ab", d.model());
        assertEquals("2026-11-30T07:00:00.000Z", d.time());

        BulkAccept.Result again = BulkAccept.run(r.folder(), r.table(), "ann", "line_collapse", 0.5,
                ReviewFixture.CLOCK);
        assertEquals(List.of(2, 0, 2), List.of(again.eligible(), again.accepted(), again.alreadyDecided()));
        BulkAccept.Result bo = BulkAccept.run(r.folder(), r.table(), "bo", "line_collapse", 0.5, ReviewFixture.CLOCK);
        assertEquals(2, bo.accepted(), "another reviewer decides for themselves");
        assertEquals("line_collapse", r.ledger().classAfter(3));
        assertEquals("line_collapse", r.ledger().classAfter(4), "bo's accept is later than ann's skip");
    }

    @Test
    void aClassOrThresholdOutsideTheReviewIsAClearError(@TempDir Path tmp) throws Exception {
        ReviewFixture r = ReviewFixture.sem(tmp);
        DefectLensException c = assertThrows(DefectLensException.class, () -> BulkAccept.run(r.folder(), r.table(),
                "ann", "Scratch", 0.9, ReviewFixture.CLOCK));
        assertTrue(c.getMessage().contains("'Scratch' is not one of the review's classes"), c.getMessage());
        DefectLensException p = assertThrows(DefectLensException.class, () -> BulkAccept.run(r.folder(), r.table(),
                "ann", "no_defect", 1.5, ReviewFixture.CLOCK));
        assertTrue(p.getMessage().contains("between 0 and 1"), p.getMessage());
        assertThrows(DefectLensException.class, () -> BulkAccept.run(r.folder(), r.table(), "../ann", "no_defect",
                0.9, ReviewFixture.CLOCK));
    }
}
