package defectlens.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic journal with a record type of its own ({@link Decision}): format, recovery, lock, reopen. */
class JournalTest {
    @TempDir
    Path dir;

    private static Decision decision(int i) {
        return new Decision("d" + i, "item-" + i, i % 2 == 0 ? "accept" : "relabel", "Center", "note ü " + i);
    }

    private Path journalWith(int n) {
        Path f = dir.resolve("decisions-bob.jsonl");
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            for (int i = 0; i < n; i++) {
                assertTrue(j.append(decision(i)));
            }
        }
        return f;
    }

    @Test
    void aRecordTypeRoundTripsThroughItsOwnField() throws Exception {
        Path f = journalWith(3);
        String first = Files.readAllLines(f, StandardCharsets.UTF_8).get(0);
        String json = "{\"id\":\"d0\",\"itemId\":\"item-0\",\"decision\":\"accept\",\"className\":\"Center\","
                + "\"note\":\"note ü 0\"}";
        assertEquals("{\"crc32\":\"" + ChecksummedLine.crc(json) + "\",\"decision\":" + json + "}", first);
        assertEquals(List.of(decision(0), decision(1), decision(2)), Journal.scan(f, Decision.CODEC).records());
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            assertTrue(j.recovery().clean(), j.recovery().describe());
            assertEquals(List.of(decision(0), decision(1), decision(2)), j.records());
            assertFalse(j.append(decision(1)), "an id already in the journal is not written again");
            assertTrue(j.append(decision(3)));
        }
        assertEquals(4, Files.readAllLines(f).size());
    }

    @Test
    void aLineOfAnotherRecordTypeIsNotARecord() {
        Path f = journalWith(2);
        RecordCodec<Decision> other = new RecordCodec<>("rating", "rating", new com.fasterxml.jackson.databind
                .ObjectMapper(), Decision.class, Decision::id);
        JournalContent<Decision> c = Journal.scan(f, other);
        assertEquals(List.of(), c.records());
        assertEquals(List.of(1, 2), c.damagedLines());
    }

    @Test
    void crlfLinesReadAndTheJournalStaysUsable() throws Exception {
        Path f = journalWith(3);
        String crlf = Files.readString(f).replace("\n", "\r\n");
        Files.writeString(f, crlf);
        JournalContent<Decision> c = Journal.scan(f, Decision.CODEC);
        assertEquals(3, c.records().size());
        assertEquals(List.of(1, 2, 3), c.lineNumbers());
        assertEquals(List.of(), c.damagedLines());
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            assertTrue(j.recovery().clean());
            assertTrue(j.append(decision(3)));
        }
        assertEquals(4, Journal.scan(f, Decision.CODEC).records().size());
    }

    @Test
    void aTornLastLineIsSetAsideAndTheJournalReopensWithoutIt() throws Exception {
        Path f = journalWith(3);
        String full = ChecksummedLine.encode(Decision.CODEC, decision(9));
        Files.writeString(f, full.substring(0, full.length() / 2), StandardOpenOption.APPEND);
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            JournalRecovery rec = j.recovery();
            assertEquals(3, rec.goodLines());
            assertEquals(1, rec.setAside());
            assertTrue(rec.describe().contains("3 decisions; 1 damaged line(s)"), rec.describe());
            assertTrue(Files.readString(rec.tornFile()).startsWith(full.substring(0, full.length() / 2)));
            assertTrue(j.append(decision(9)), "the torn record was never confirmed, so it may be written again");
        }
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            assertTrue(j.recovery().clean(), j.recovery().describe());
            assertEquals(4, j.records().size());
        }
    }

    @Test
    void aChecksumMismatchIsReportedWithItsLineNumber() throws Exception {
        Path f = journalWith(4);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("relabel", "accept!"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        JournalContent<Decision> c = Journal.scan(f, Decision.CODEC);
        assertEquals(List.of(2), c.damagedLines());
        assertEquals(List.of(1, 3, 4), c.lineNumbers());
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            assertEquals(1, j.recovery().setAside());
            assertEquals(3, j.records().size());
            assertTrue(Files.readString(j.recovery().tornFile()).contains("accept!"));
        }
        assertEquals(List.of(1, 2, 3), Journal.scan(f, Decision.CODEC).lineNumbers(), "repaired to its good lines");
    }

    @Test
    void aSecondWriterIsKeptOutByTheLock() {
        Path f = journalWith(1);
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            DefectLensException e = assertThrows(DefectLensException.class, () -> Journal.open(f, Decision.CODEC));
            assertTrue(e.getMessage().contains("open in another"), e.getMessage());
            assertEquals(1, j.records().size());
        }
        assertTrue(Files.exists(f.resolveSibling("decisions-bob.jsonl.lock")));
    }

    @Test
    void aStagedMergeIsInvisibleUntilCommitted() {
        Path f = journalWith(2);
        try (Journal<Decision> j = Journal.open(f, Decision.CODEC)) {
            Journal.Staged<Decision> s = j.stage(List.of(decision(1), decision(5)));
            assertEquals(List.of(decision(5)), s.added());
            assertEquals(2, Journal.scan(f, Decision.CODEC).records().size());
            j.commit(s);
            assertEquals(3, j.records().size());
        }
        assertEquals(3, Journal.scan(f, Decision.CODEC).records().size());
    }

    @Test
    void aMissingJournalIsNamedWithTheRecordNoun() {
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> Journal.scan(dir, Decision.CODEC));
        assertTrue(e.getMessage().contains("not a decisions journal"), e.getMessage());
    }
}
