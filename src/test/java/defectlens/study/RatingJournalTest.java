package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalRecovery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingJournalTest {
    @TempDir
    Path dir;

    private Path journalWith(int n) {
        Path f = dir.resolve("journal-alice.jsonl");
        try (RatingJournal j = RatingJournal.open(f)) {
            for (int i = 0; i < n; i++) {
                assertTrue(j.append(StudyFixtures.rating("id" + i, "alice", "img0" + i, "gradcam", "Q1", 1 + i % 5,
                        "2026-01-01T00:00:0" + i + "Z")));
            }
        }
        return f;
    }

    @Test
    void ratingsSurviveCloseAndReopen() {
        Path f = journalWith(3);
        try (RatingJournal j = RatingJournal.open(f)) {
            assertTrue(j.recovery().clean());
            assertEquals(3, j.ratings().size());
            assertEquals("id2", j.ratings().get(2).submissionId());
            assertFalse(j.append(StudyFixtures.rating("id1", "alice", "x", "gradcam", "Q1", 5, "t")), "duplicate id");
        }
        assertEquals(3, RatingJournal.read(f).size());
    }

    @Test
    void eachLineIsJsonWithAChecksum() throws Exception {
        Path f = journalWith(1);
        String line = Files.readAllLines(f).get(0);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertEquals(8, node.get("crc32").asText().length());
        assertEquals("alice", node.get("rating").get("rater").asText());
    }

    @Test
    void aTornLastLineIsSetAsideAndTheJournalRepaired() throws Exception {
        Path f = journalWith(3);
        String full = Files.readAllLines(f).get(2);
        Files.writeString(f, full.substring(0, full.length() / 2), StandardOpenOption.APPEND);
        try (RatingJournal j = RatingJournal.open(f)) {
            JournalRecovery rec = j.recovery();
            assertEquals(3, rec.goodLines());
            assertEquals(1, rec.setAside());
            assertTrue(Files.readString(rec.tornFile()).startsWith(full.substring(0, full.length() / 2)));
            assertTrue(j.append(StudyFixtures.rating("id9", "alice", "img09", "craft", "Q2", 4, "t")));
        }
        try (RatingJournal j = RatingJournal.open(f)) {
            assertTrue(j.recovery().clean(), j.recovery().describe());
            assertEquals(List.of("id0", "id1", "id2", "id9"), j.ratings().stream().map(Rating::submissionId).toList());
        }
    }

    @Test
    void aCorruptedMiddleLineIsSetAsideAndTheGoodLinesAfterItKept() throws Exception {
        Path f = journalWith(4);
        List<String> lines = Files.readAllLines(f);
        lines.set(1, lines.get(1).replace("\"value\":2", "\"value\":5"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        try (RatingJournal j = RatingJournal.open(f)) {
            assertEquals(1, j.recovery().setAside());
            assertEquals(List.of("id0", "id2", "id3"), j.ratings().stream().map(Rating::submissionId).toList());
            assertTrue(Files.readString(j.recovery().tornFile()).contains("\"value\":5"));
        }
        assertEquals(3, Files.readAllLines(f).size());
    }

    @Test
    void aCompleteLastLineWithoutNewlineIsKept() throws Exception {
        Path f = journalWith(2);
        String s = Files.readString(f);
        Files.writeString(f, s.substring(0, s.length() - 1));
        try (RatingJournal j = RatingJournal.open(f)) {
            assertTrue(j.recovery().clean());
            assertEquals(2, j.ratings().size());
            j.append(StudyFixtures.rating("id7", "alice", "img07", "gradcam", "Q1", 3, "t"));
        }
        assertEquals(3, RatingJournal.read(f).size());
    }

    @Test
    void aReRatingReplacesByInstantNotByText() {
        Rating early = StudyFixtures.rating("e", "alice", "img00", "craft", "Q1", 2, "2026-01-01T10:00:00.500Z");
        Rating late = StudyFixtures.rating("l", "alice", "img00", "craft", "Q1", 4, "2026-01-01T10:00:01Z");
        assertEquals(List.of(late), RatingSet.of(List.of(late, early)).effective());
        assertEquals(List.of(late), RatingSet.of(List.of(early, late)).effective());
    }

    @Test
    void aSecondWriterIsKeptOut() {
        Path f = dir.resolve("journal-bob.jsonl");
        try (RatingJournal j = RatingJournal.open(f)) {
            DefectLensException e = assertThrows(DefectLensException.class, () -> RatingJournal.open(f));
            assertTrue(e.getMessage().contains("journal-bob.jsonl"));
        }
    }

    @Test
    void mergeCountsADuplicateSubmissionOnceAndLaterRatingsReplaceEarlier() throws Exception {
        Path studyDir = dir.resolve("study");
        StudyFixtures.plan("s1", 2, "gradcam", "craft").save(studyDir.resolve("study.json"));
        StudyFolder study = StudyFolder.open(studyDir);
        try (RatingJournal j = study.openJournal("alice")) {
            j.append(StudyFixtures.rating("a1", "alice", "img00", "gradcam", "Q1", 2, "2026-01-01T10:00:00Z"));
        }
        Path other = dir.resolve("usb").resolve("journal-bob.jsonl");
        try (RatingJournal j = RatingJournal.open(other)) {
            j.append(StudyFixtures.rating("b1", "bob", "img00", "gradcam", "Q1", 4, "2026-01-01T10:00:00Z"));
            j.append(StudyFixtures.rating("a1", "alice", "img00", "gradcam", "Q1", 2, "2026-01-01T10:00:00Z"));
            j.append(StudyFixtures.rating("a2", "alice", "img00", "gradcam", "Q1", 5, "2026-01-01T11:00:00Z"));
        }
        JournalMerger.MergeResult r = JournalMerger.merge(study, List.of(other));
        assertEquals(3, r.read());
        assertEquals(2, r.added());
        assertEquals(1, r.duplicates());
        JournalMerger.MergeResult again = JournalMerger.merge(study, List.of(other));
        assertEquals(0, again.added());
        RatingSet set = study.ratings();
        assertEquals(3, set.all().size());
        assertEquals(2, set.effective().size());
        assertEquals(5, set.effective().stream().filter(x -> x.rater().equals("alice")).findFirst().orElseThrow().value());
    }
}
