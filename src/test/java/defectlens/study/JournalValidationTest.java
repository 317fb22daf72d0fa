package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalReport;
import defectlens.journal.RefusedLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journals are checked against the plan and the scale; CRLF journals keep every rating; merges are all or nothing. */
class JournalValidationTest {
    @TempDir
    Path dir;
    private StudyFolder study;

    @BeforeEach
    void makeStudy() {
        Path studyDir = dir.resolve("study");
        StudyPlan plan = StudyFixtures.plan("s1", 2, "gradcam", "craft");
        plan.save(studyDir.resolve("study.json"));
        StudyFixtures.pictures(studyDir, plan);
        study = StudyFolder.open(studyDir);
    }

    private Path journal(String name, Rating... ratings) {
        Path f = dir.resolve("usb").resolve(name);
        try (RatingJournal j = RatingJournal.open(f)) {
            for (Rating r : ratings) {
                j.append(r);
            }
        }
        return f;
    }

    private static Rating r(String id, String image, String method, String q, int value) {
        return StudyFixtures.rating(id, "bob", image, method, q, value, "2026-01-01T10:00:00Z");
    }

    private static Path toCrlf(Path f) throws Exception {
        String text = Files.readString(f).replace("\n", "\r\n");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void ratingsOutsideThePlanOrTheScaleAreRefusedWithTheirLineNumbers() {
        Path f = journal("journal-bob.jsonl", r("ok1", "img00", "gradcam", "Q1", 2),
                r("v99", "img00", "gradcam", "Q2", 99), r("vneg", "img00", "gradcam", "Q3", -5),
                r("q", "img00", "gradcam", "Q99", 3), r("img", "nope", "gradcam", "Q1", 3),
                r("m", "img00", "lime", "Q1", 3), r("ok2", "img01", "craft", "Q1", 4));
        JournalMerger.MergeResult m = JournalMerger.merge(study, List.of(f));
        assertEquals(2, m.added());
        assertEquals(5, m.refused().refused());
        assertEquals(2, m.refused().perReason().get(JournalRefusal.Reason.OUTSIDE_SCALE.label()));
        assertEquals(1, m.refused().perReason().get(JournalRefusal.Reason.UNKNOWN_QUESTION.label()));
        assertEquals(1, m.refused().perReason().get(JournalRefusal.Reason.UNKNOWN_IMAGE.label()));
        assertEquals(1, m.refused().perReason().get(JournalRefusal.Reason.UNKNOWN_METHOD.label()));
        assertEquals(List.of(2, 3, 4, 5, 6), m.refused().lines().stream().map(RefusedLine::line).toList());
        String text = m.refused().describe(f.toString());
        assertTrue(text.contains("lines 2 [value 99 not in 1..5], 3 [value -5 not in 1..5]"), text);
        StudySummary s = StudyAnalysis.summarize(study.plan(), study.ratings());
        assertEquals(2.0, s.stats("gradcam", "Q1").mean(), 1e-9, "only the valid rating reaches the statistic");
        assertEquals(2, study.ratings().all().size());
    }

    @Test
    void aJournalWithoutAnyValidRatingMergesNothingAndSaysWhy() {
        Path f = journal("journal-bob.jsonl", r("v99", "img00", "gradcam", "Q1", 99),
                r("q", "img00", "gradcam", "Q0", 3));
        DefectLensException e = assertThrows(DefectLensException.class, () -> JournalMerger.merge(study, List.of(f)));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("nothing merged") && e.getMessage().contains("value 99"), e.getMessage());
        assertFalse(Files.exists(study.journalFile("bob")), "nothing written");
    }

    @Test
    void aPngOrRandomBytesIsNotAJournal() throws Exception {
        Path png = dir.resolve("picture.jsonl");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        Files.write(png, bytes);
        DefectLensException e = assertThrows(DefectLensException.class, () -> JournalMerger.merge(study, List.of(png)));
        assertTrue(e.getMessage().contains("not a ratings journal"), e.getMessage());
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertTrue(assertThrows(DefectLensException.class, () -> JournalMerger.merge(study, List.of(empty)))
                .getMessage().contains("empty"));
    }

    @Test
    void aMergeThatFailsWritesNothing() {
        Path good = journal("journal-bob.jsonl", r("ok1", "img00", "gradcam", "Q1", 2));
        Path missing = dir.resolve("usb").resolve("journal-carol.jsonl");
        assertThrows(DefectLensException.class, () -> JournalMerger.merge(study, List.of(good, missing)));
        assertFalse(Files.exists(study.journalFile("bob")));
        assertEquals(0, study.ratings().all().size());
    }

    @Test
    void aMergeThatCannotWriteOneJournalWritesNone() throws Exception {
        try (RatingJournal j = study.openJournal("alice")) {
            j.append(StudyFixtures.rating("a0", "alice", "img00", "craft", "Q1", 3, "2026-01-01T09:00:00Z"));
        }
        byte[] before = Files.readAllBytes(study.journalFile("alice"));
        Path usb = journal("journal-alice.jsonl", StudyFixtures.rating("a1", "alice", "img01", "craft", "Q1", 4, "t"),
                StudyFixtures.rating("c1", "carol", "img01", "craft", "Q1", 4, "t"));
        Files.createDirectories(study.dir().resolve("journal-carol.jsonl.merge"));
        DefectLensException e = assertThrows(DefectLensException.class, () -> JournalMerger.merge(study, List.of(usb)));
        assertTrue(e.getMessage().contains("journal-carol.jsonl") && e.getMessage().contains("nothing merged"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(study.journalFile("alice")), "alice's journal unchanged");
        assertFalse(Files.exists(study.dir().resolve("journal-alice.jsonl.merge")), "no staged file left");
        assertEquals(1, study.ratings().all().size());
    }

    @Test
    void aCrlfJournalKeepsAllItsRatingsEverywhere() throws Exception {
        Rating[] ratings = new Rating[20];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = StudyFixtures.rating("id" + i, "alice", "img0" + (i % 2), i % 4 < 2 ? "gradcam" : "craft",
                    "Q" + (1 + i / 4), 1 + i % 5, "2026-01-01T10:00:00Z");
        }
        Path own = toCrlf(journal("journal-alice.jsonl", ratings));
        Files.copy(own, study.journalFile("alice"));
        assertEquals(20, study.check().accepted().size());
        assertTrue(study.check().clean());
        try (RatingSession session = new RatingSession(study, "alice", "test")) {
            assertTrue(session.recovery().clean(), session.recovery().describe());
            assertEquals(20, session.progress().answered());
            session.answer(new StudyItem("img01", "craft"), "Q8", 5, "");
        }
        assertFalse(Files.exists(study.journalFile("alice").resolveSibling("journal-alice.jsonl.torn")));
        assertEquals(21, study.ratings().all().size());

        Path bob = toCrlf(journal("journal-bob.jsonl", r("b1", "img00", "gradcam", "Q1", 4),
                r("b2", "img01", "craft", "Q2", 5)));
        JournalMerger.MergeResult m = JournalMerger.merge(study, List.of(bob));
        assertEquals(2, m.added());
        assertTrue(m.refused().clean());
    }

    @Test
    void damagedLinesAreReportedWithTheirNumbers() throws Exception {
        Path f = journal("journal-bob.jsonl", r("a", "img00", "gradcam", "Q1", 2), r("b", "img00", "gradcam", "Q2", 3),
                r("c", "img00", "gradcam", "Q3", 4));
        List<String> lines = Files.readAllLines(f);
        lines.set(1, lines.get(1).replace("\"value\":3", "\"value\":4"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        Files.copy(f, study.journalFile("bob"));
        JournalReport<Rating> report = study.check();
        assertEquals(2, report.accepted().size());
        assertEquals(1, report.refused());
        assertEquals(2, report.lines().get(0).line());
        assertTrue(report.describe(study.journalFile("bob").toString()).contains("damaged"));
    }

    @Test
    void aSessionIgnoresRatingsOutsideThePlan() {
        try (RatingJournal j = study.openJournal("alice")) {
            j.append(StudyFixtures.rating("x", "alice", "img00", "gradcam", "Q1", 99, "t"));
        }
        try (RatingSession session = new RatingSession(study, "alice", "test")) {
            assertEquals(0, session.progress().answered());
            assertTrue(session.answer(new StudyItem("img00", "gradcam"), "Q1").isEmpty());
        }
    }
}
