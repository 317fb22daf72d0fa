package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.TinySemModel;
import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.review.DecisionAction;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewDecision;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review desk's view-model with the same-thread executor: no window, real journal and predictions cache. */
class ReviewViewModelTest {
    static final Path DEMO = Path.of("datasets/sem-demo");
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    static Path home;
    static Path model;
    static SemDataset demo;

    private final AtomicLong nanos = new AtomicLong();

    @BeforeAll
    static void tinyModel() {
        demo = DatasetOpener.open(DEMO);
        model = TinySemModel.save(home.resolve("tiny"), demo.classes(), 7);
    }

    private ReviewViewModel newDesk(CurrentThreadTaskExecutor executor) {
        return new ReviewViewModel(executor, Clock.systemUTC(), nanos::get);
    }

    @Test
    void tenKeyboardDecisionsAndThePredictionsAreThereAfterReopeningWithoutClassifying() {
        Path dir = home.resolve("review-keys");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ReviewViewModel vm = newDesk(executor);
        List<Integer> shown = new java.util.ArrayList<>();
        vm.setOnItem(shown::add);
        vm.createSem(dir, "ana", demo, "tiny", model, demo.classes());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        assertNotNull(vm.sessionProperty().get());
        assertEquals(0, vm.queue().items().size(), "least certain first holds classified items only: none yet");
        vm.classifyMissing();
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        assertEquals(demo.size(), vm.sessionProperty().get().table().doneCount());
        assertEquals(demo.size(), vm.queue().items().size());
        assertEquals(0, vm.queue().positionProperty().get());
        float first = vm.sessionProperty().get().table().confidence(vm.queue().items().get(0));
        float second = vm.sessionProperty().get().table().confidence(vm.queue().items().get(1));
        assertTrue(first <= second, "least certain first");

        KeyCode[] keys = {KeyCode.A, KeyCode.DIGIT2, KeyCode.U, KeyCode.A, KeyCode.DIGIT6, KeyCode.A, KeyCode.A,
            KeyCode.DIGIT1, KeyCode.U, KeyCode.A};
        List<Integer> decided = new java.util.ArrayList<>();
        for (KeyCode k : keys) {
            decided.add(vm.queue().itemProperty().get());
            nanos.addAndGet(3 * SECOND);
            assertTrue(DecisionKeys.handle(k, vm, () -> { }), k.toString());
            assertEquals("Saved", vm.decisions().saveStateProperty().get());
        }
        assertEquals(10, vm.queue().positionProperty().get(), "each decision moves on");
        assertTrue(vm.progressTextProperty().get().startsWith("10 of " + demo.size() + " decided, 10 this session, "),
                vm.progressTextProperty().get());
        assertTrue(vm.progressTextProperty().get().endsWith("1:54 left"), "3 s per decision, 38 to go: "
                + vm.progressTextProperty().get());
        assertTrue(vm.decisions().describe(decided.get(1)).contains("relabel \u2192 " + demo.classes().get(1)),
                vm.decisions().describe(decided.get(1)));

        assertTrue(DecisionKeys.handle(KeyCode.Z, vm, () -> { }));
        assertEquals(decided.get(9), vm.queue().itemProperty().get(), "undo goes back to the item");
        assertEquals("Undecided", vm.decisionTextProperty().get());
        assertTrue(DecisionKeys.handle(KeyCode.A, vm, () -> { }));
        vm.queue().positionProperty().set(3);
        vm.decisions().note("scratch near the edge");
        assertTrue(vm.decisions().describe(decided.get(3)).contains("(note: scratch near the edge)"));
        vm.close();
        int classifyRuns = (int) executor.lanesUsed.stream().filter(l -> l == TaskLane.CLASSIFICATION).count();

        ReviewViewModel again = newDesk(executor);
        again.queue().specProperty().set(QueueSpec.of(QueueOrder.DATASET));
        again.open(dir, "ana", null, null);
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        ReviewSession s = again.sessionProperty().get();
        assertEquals(demo.size(), s.table().doneCount(), "the predictions come from the review's cache");
        assertEquals(classifyRuns, executor.lanesUsed.stream().filter(l -> l == TaskLane.CLASSIFICATION).count(),
                "nothing classified again");
        assertEquals(10, s.ledger().decidedCount());
        for (int k = 0; k < 10; k++) {
            ReviewDecision d = s.ledger().current(decided.get(k)).orElseThrow();
            DecisionAction expected = switch (keys[k]) {
                case A -> DecisionAction.ACCEPT;
                case U -> DecisionAction.UNSURE;
                default -> DecisionAction.RELABEL;
            };
            assertEquals(expected, d.action(), "decision " + k);
            assertEquals("ana", d.reviewer());
            assertEquals("keyboard", d.source());
        }
        assertEquals(demo.classes().get(5), s.ledger().classAfter(decided.get(4)));
        assertTrue(again.progressTextProperty().get().startsWith("10 of " + demo.size() + " decided, 0 this session"));
    }

    @Test
    void aConfusionCellFillsTheQueueAndUndecidedOnlyLeavesDecidedItemsOut() {
        Path dir = home.resolve("review-cell");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ReviewViewModel vm = newDesk(executor);
        vm.createSem(dir, "ben", demo, "tiny", model, demo.classes());
        vm.classifyMissing();
        ConfusionCounts c = vm.confusion().countsProperty().get();
        assertNotNull(c);
        int t = -1;
        int p = -1;
        for (int a = 0; a < c.classes().size() && t < 0; a++) {
            for (int b = 0; b < c.classes().size(); b++) {
                if (c.count(a, b) >= 2) {
                    t = a;
                    p = b;
                    break;
                }
            }
        }
        assertTrue(t >= 0, "a cell with two items");
        vm.confusion().select(t, p);
        assertEquals(QueueOrder.CONFUSION_CELL, vm.queue().specProperty().get().order());
        assertEquals(c.count(t, p), vm.queue().items().size());
        ReviewSession s = vm.sessionProperty().get();
        for (int i : vm.queue().items()) {
            assertEquals(c.classes().get(t), s.table().labelName(i));
            assertEquals(c.classes().get(p), s.table().predictedName(i));
        }
        int first = vm.queue().itemProperty().get();
        vm.decisions().accept();
        vm.queue().specProperty().set(vm.queue().specProperty().get().undecidedOnly(true));
        assertEquals(c.count(t, p) - 1, vm.queue().items().size());
        assertFalse(vm.queue().items().contains(first));
        assertEquals(1, vm.confusion().countsProperty().get().count(p, p) - c.count(p, p) + (t == p ? 1 : 0),
                "the accepted item's truth is now its decided class");
    }

    @Test
    void aWaferReviewReopensFromItsCacheAndTheDifferingMapsComeFirst() {
        Path dir = home.resolve("review-wafer");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ReviewViewModel vm = newDesk(executor);
        defectlens.wafer.WaferDataset maps = defectlens.wafer.WaferPickleReader.read(
                Path.of("datasets/wm811k/LSWMD_sample.pkl"));
        Path modelDir = Path.of("models/wafer-proposed-paper7");
        List<String> classes = defectlens.wafer.WaferClassSet.PAPER7.classes();
        vm.createWafer(dir, "carl", maps, "paper7", modelDir, classes, false);
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        ReviewSession created = vm.sessionProperty().get();
        assertEquals(Boolean.FALSE, created.folder().definition().averageOverSymmetries(), "the review records it");
        defectlens.review.SimulatedPredictions.fill(created.table(), 5); // a stand-in for the 47 s of the real model
        created.folder().savePredictions(created.table());
        vm.close();

        ReviewViewModel again = newDesk(executor);
        List<Integer> shown = new java.util.ArrayList<>();
        again.setOnItem(shown::add);
        again.open(dir, "carl", null, null);
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        assertEquals(QueueOrder.LEAST_CERTAIN, again.queue().specProperty().get().order(), "the queue of review.json");
        again.queue().specProperty().set(QueueSpec.of(QueueOrder.DIFFERS));
        ReviewSession s = again.sessionProperty().get();
        assertEquals(maps.size(), s.table().doneCount(), "the predictions come from the cache");
        assertTrue(again.queue().items().size() > 0);
        for (int i : again.queue().items()) {
            assertTrue(s.table().differs(i), "map " + i + " differs from its label");
        }
        assertEquals(again.queue().items().get(0), shown.get(shown.size() - 1), "the map in front is shown");
        assertTrue(again.opened().wafer() != null, "the maps were read after the queue showed");
        int first = again.queue().itemProperty().get();
        assertTrue(DecisionKeys.handle(KeyCode.DIGIT5, again, () -> { }));
        assertEquals(classes.get(4), s.ledger().classAfter(first));
        assertEquals(String.valueOf(first), s.ledger().current(first).orElseThrow().item(), "wafer items are rows");
        assertFalse(DecisionKeys.handle(KeyCode.DIGIT8, again, () -> { }), "7 classes: 8 is not a desk key");
    }
}
