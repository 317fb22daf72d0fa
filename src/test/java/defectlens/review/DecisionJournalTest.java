package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.journal.JournalContent;
import defectlens.model.ClassProbability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions journal on disk: the line format, reading back every field, duplicates, unreadable lines. */
class DecisionJournalTest {
    static ReviewDecision relabel(String id) {
        return new ReviewDecision(id, "rev-1", "sem_000012", 11, "ann", "2026-11-30T07:01:02.003Z",
                DecisionAction.RELABEL, "thin_bridge", "single_bridge",
                List.of(new ClassProbability("single_bridge", 0.5), new ClassProbability("thin_bridge", 0.25)),
                "thin_bridge", "bridge is thin, ü", null, "keyboard", "sem-demo 0123456789ab");
    }

    @Test
    void aDecisionIsOneChecksummedLineAndReadsBackWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("decisions/ann.jsonl");
        try (DecisionJournal j = DecisionJournal.open(f)) {
            assertTrue(j.append(relabel("d1")));
            assertFalse(j.append(relabel("d1")), "an id already in the journal is not written again");
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches("\\{\"crc32\":\"[0-9a-f]{8}\",\"decision\":\\{\"id\":\"d1\".*"), lines.get(0));
        assertTrue(lines.get(0).contains("\"action\":\"relabel\""), lines.get(0));
        assertFalse(lines.get(0).contains("supersedes"), "absent fields are left out");
        try (DecisionJournal j = DecisionJournal.open(f)) {
            assertEquals(List.of(relabel("d1")), j.decisions());
            assertTrue(j.recovery().clean());
        }
    }

    @Test
    void aLineWithAnUnknownActionIsDamagedNotGuessed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ann.jsonl");
        try (DecisionJournal j = DecisionJournal.open(f)) {
            j.append(relabel("d1"));
        }
        String line = Files.readAllLines(f).get(0);
        // same checksum rules: recompute over the changed record so only the action is wrong
        String json = line.substring(line.indexOf("\"decision\":") + 11, line.length() - 1)
                .replace("\"relabel\"", "\"approve\"");
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        Files.writeString(f, String.format("{\"crc32\":\"%08x\",\"decision\":%s}%n", crc.getValue(), json),
                StandardOpenOption.APPEND);
        JournalContent<ReviewDecision> c = DecisionJournal.scan(f);
        assertEquals(1, c.records().size());
        assertEquals(List.of(2), c.damagedLines());
    }

    @Test
    void timesAreUtcWithMilliseconds() {
        Clock c = Clock.fixed(Instant.parse("2026-11-30T07:05:09.5Z"), ZoneOffset.ofHours(2));
        assertEquals("2026-11-30T07:05:09.500Z", ReviewDecision.timeNow(c));
    }
}
