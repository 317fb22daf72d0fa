package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Folding decision lines: later lines win, undo as a superseding line, notes, reviewers merged, conflicts. */
class DecisionLedgerTest {
    private static int clock;

    static ReviewDecision line(String id, String reviewer, int index, DecisionAction action, String classAfter,
            String note, String supersedes) {
        clock++;
        return new ReviewDecision(id, "rev-1", "item-" + index, index, reviewer,
                String.format("2026-11-30T07:00:%02d.000Z", clock), action, "line_break", "line_break", List.of(),
                classAfter, note, supersedes, "keyboard", "sem-demo 0123456789ab");
    }

    @Test
    void laterLinesWinAndUndoBringsThePreviousDecisionBack() {
        List<ReviewDecision> lines = List.of(
                line("a1", "ann", 3, DecisionAction.ACCEPT, "line_break", null, null),
                line("a2", "ann", 3, DecisionAction.RELABEL, "thin_bridge", null, "a1"),
                line("a3", "ann", 4, DecisionAction.UNSURE, null, null, null));
        DecisionLedger ledger = DecisionLedger.of(lines);
        assertEquals("thin_bridge", ledger.classAfter(3));
        assertEquals(2, ledger.decidedCount());
        assertNull(ledger.classAfter(4), "unsure sets no class");
        assertTrue(ledger.isDecided(4));

        DecisionLedger undone = DecisionLedger.of(append(lines,
                line("a4", "ann", 3, DecisionAction.UNDO, null, null, "a2")));
        assertEquals("line_break", undone.classAfter(3), "the decision before the undone one shows again");
        assertEquals(DecisionAction.ACCEPT, undone.current(3).orElseThrow().action());

        DecisionLedger redone = DecisionLedger.of(append(append(lines,
                line("a4", "ann", 3, DecisionAction.UNDO, null, null, "a2")),
                line("a5", "ann", 3, DecisionAction.UNDO, null, null, "a4")));
        assertEquals("thin_bridge", redone.classAfter(3), "undoing the undo brings the relabel back");

        DecisionLedger nothing = DecisionLedger.of(List.of(
                line("b1", "ann", 7, DecisionAction.SKIP, null, null, null),
                line("b2", "ann", 7, DecisionAction.UNDO, null, null, "b1")));
        assertFalse(nothing.isDecided(7));
        assertTrue(nothing.current(7).isEmpty());
        assertEquals(0, nothing.decidedCount());
    }

    @Test
    void aNoteKeepsTheDecisionAndAnUndoneNoteGivesWayToTheOneBefore() {
        DecisionLedger ledger = DecisionLedger.of(List.of(
                line("c1", "ann", 5, DecisionAction.RELABEL, "no_defect", "tilted frame", null),
                line("c2", "ann", 5, DecisionAction.NOTE, null, "ask Bo", null),
                line("c3", "ann", 6, DecisionAction.NOTE, null, "only a note", null)));
        ReviewDecision five = ledger.current(5).orElseThrow();
        assertEquals(DecisionAction.RELABEL, five.action());
        assertEquals("ask Bo", five.note());
        assertEquals("no_defect", ledger.classAfter(5));
        assertFalse(ledger.isDecided(6), "a note alone is no decision");
        assertEquals(DecisionAction.NOTE, ledger.current(6).orElseThrow().action());
        assertEquals(1, ledger.decidedCount());

        DecisionLedger undone = DecisionLedger.of(List.of(
                line("c1", "ann", 5, DecisionAction.RELABEL, "no_defect", "tilted frame", null),
                line("c2", "ann", 5, DecisionAction.NOTE, null, "ask Bo", null),
                line("c4", "ann", 5, DecisionAction.UNDO, null, null, "c2")));
        assertEquals("tilted frame", undone.current(5).orElseThrow().note());
    }

    @Test
    void reviewersAreMergedByTimeAndTheirDisagreementsListed() {
        List<ReviewDecision> lines = List.of(
                line("d1", "ann", 1, DecisionAction.ACCEPT, "line_break", null, null),
                line("d2", "bo", 1, DecisionAction.RELABEL, "multi_bridge", null, null),
                line("d3", "bo", 2, DecisionAction.ACCEPT, "line_collapse", null, null),
                line("d4", "ann", 2, DecisionAction.RELABEL, "line_collapse", null, null),
                line("d5", "bo", 9, DecisionAction.UNDO, null, null, "d1"),
                line("d3", "bo", 2, DecisionAction.ACCEPT, "line_collapse", null, null));
        DecisionLedger ledger = DecisionLedger.of(lines);
        assertEquals(5, ledger.lines().size(), "a decision id seen twice counts once");
        assertEquals("multi_bridge", ledger.classAfter(1), "bo decided item 1 later");
        assertEquals("line_break", ledger.current(1, "ann").orElseThrow().classAfter(),
                "bo cannot undo a line of ann");
        assertEquals(List.of(new DecisionLedger.Conflict(1, "item-1", Map.of("ann", "line_break",
                "bo", "multi_bridge"))), ledger.conflicts(), "same class by both on item 2 is no conflict");
        assertEquals(List.of("ann", "bo"), List.copyOf(ledger.reviewers()));
        assertEquals(1, ledger.only("ann").currentOf("ann").get(1).index());
        assertTrue(ledger.only("ann").current(1, "bo").isEmpty());
        assertEquals(Map.of(DecisionAction.RELABEL, 2), ledger.counts());
    }

    private static List<ReviewDecision> append(List<ReviewDecision> lines, ReviewDecision d) {
        List<ReviewDecision> out = new ArrayList<>(lines);
        out.add(d);
        return out;
    }
}
