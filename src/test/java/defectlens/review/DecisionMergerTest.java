package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging decisions journals from elsewhere: valid lines in, the rest refused by reason, duplicates, conflicts. */
class DecisionMergerTest {
    @TempDir
    Path tmp;

    static ReviewDecision changed(ReviewDecision d, String review, int index, String classAfter) {
        return new ReviewDecision(UUID.randomUUID().toString(), review, d.item(), index, d.reviewer(), d.time(), d.action(),
                d.labelBefore(), d.predicted(), d.top(), classAfter, d.note(), d.supersedes(), d.source(), d.model());
    }

    private Path journal(String name, ReviewDecision... decisions) {
        Path f = tmp.resolve("usb").resolve(name);
        try (DecisionJournal j = DecisionJournal.open(f)) {
            for (ReviewDecision d : decisions) {
                j.append(d);
            }
        }
        return f;
    }

    @Test
    void validLinesGoToTheirReviewersJournalAndTheRestIsRefusedByReason() throws Exception {
        ReviewFixture r = ReviewFixture.sem(tmp);
        DecisionMaker ann = r.maker("ann");
        ReviewDecision relabel = ann.relabel(1, "thin_bridge", "keyboard");
        ReviewDecision accept = ann.accept(2, "keyboard");
        ReviewDecision unsure = ann.undecided(3, DecisionAction.UNSURE, "keyboard");
        Path f = journal("ann.jsonl", relabel, accept, unsure, changed(accept, "rev-other", 2, "line_collapse"),
                changed(accept, "rev-1", 99, "line_collapse"), changed(relabel, "rev-1", 1, "blob"));
        Files.writeString(f, "{\"crc32\":\"00000000\",\"decision\":{}}\n", StandardOpenOption.APPEND);

        DecisionMerger.MergeResult m = DecisionMerger.merge(r.folder(), r.table(), List.of(f));
        assertEquals(6, m.read());
        assertEquals(3, m.added());
        assertEquals(0, m.duplicates());
        assertEquals(1, m.otherReview());
        assertEquals(4, m.refused().refused());
        assertEquals(List.of(4, 5, 6, 7), m.refused().lines().stream().map(l -> l.line()).toList());
        String text = m.refused().describe(f.toString());
        assertTrue(text.contains("decision of another review (line 4 [review rev-other])"), text);
        assertTrue(text.contains("item not in the review (line 5 [item img_0002 at 99 of 12])"), text);
        assertTrue(text.contains("class not among the review's classes (line 6 [class blob])"), text);
        assertTrue(text.contains("damaged line"), text);
        assertEquals(List.of(relabel, accept, unsure), DecisionJournal.scan(r.folder().journalFile("ann")).records());

        DecisionMerger.MergeResult again = DecisionMerger.merge(r.folder(), r.table(), List.of(f));
        assertEquals(0, again.added());
        assertEquals(3, again.duplicates(), "merging the same journal twice changes nothing");

        Path bob = journal("bob.jsonl", r.maker("bob").relabel(1, "line_break", "keyboard"),
                r.maker("bob").relabel(2, "thin_bridge", "keyboard"));
        DecisionMerger.MergeResult both = DecisionMerger.merge(r.folder(), r.table(), List.of(bob));
        assertEquals(Map.of("bob", 2), both.addedPerReviewer());
        assertEquals(List.of(new DecisionLedger.Conflict(1, "img_0001", Map.of("ann", "thin_bridge",
                "bob", "line_break"))), both.conflicts(), "item 2: bob's relabel agrees with ann's accept");
    }

    @Test
    void aJournalWithoutAValidLineMergesNothingAndSaysWhy() throws Exception {
        ReviewFixture r = ReviewFixture.sem(tmp);
        ReviewDecision other = changed(r.maker("ann").accept(0, "keyboard"), "rev-other", 0, "single_bridge");
        Path f = journal("ann.jsonl", other);
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> DecisionMerger.merge(r.folder(), r.table(), List.of(f)));
        assertTrue(e.getMessage().startsWith(f + ": nothing merged, no valid decision"), e.getMessage());
        assertTrue(e.getMessage().contains("another review"), e.getMessage());
        assertFalse(Files.exists(r.folder().journalFile("ann")), "nothing written");

        Path picture = Files.write(tmp.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 1, 2});
        DefectLensException p = assertThrows(DefectLensException.class,
                () -> DecisionMerger.merge(r.folder(), r.table(), List.of(picture)));
        assertTrue(p.getMessage().contains("not a decisions journal"), p.getMessage());
    }
}
