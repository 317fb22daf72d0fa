package defectlens.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding to several journals all or nothing: duplicates skipped, a journal that cannot be opened changes none. */
class StagedMergeTest {
    private static Decision d(String id) {
        return new Decision(id, "item", "accept", "Center", null);
    }

    @Test
    void addsNewRecordsToEveryJournalAndSkipsKnownIds(@TempDir Path dir) {
        try (Journal<Decision> a = Journal.open(dir.resolve("a.jsonl"), Decision.CODEC)) {
            a.append(d("a1"));
        }
        Map<String, List<Decision>> additions = new LinkedHashMap<>();
        additions.put("a", List.of(d("a1"), d("a2")));
        additions.put("b", List.of(d("b1")));
        Map<String, List<Decision>> added = StagedMerge.commitAll(additions,
                k -> Journal.open(dir.resolve(k + ".jsonl"), Decision.CODEC));
        assertEquals(Map.of("a", List.of(d("a2")), "b", List.of(d("b1"))), added);
        assertEquals(List.of(d("a1"), d("a2")), Journal.scan(dir.resolve("a.jsonl"), Decision.CODEC).records());
        assertTrue(Files.notExists(dir.resolve("a.jsonl.merge")), "no staged file left behind");
    }

    @Test
    void aJournalLockedElsewhereLeavesEveryJournalAsItWas(@TempDir Path dir) throws Exception {
        try (Journal<Decision> a = Journal.open(dir.resolve("a.jsonl"), Decision.CODEC)) {
            a.append(d("a1"));
        }
        byte[] before = Files.readAllBytes(dir.resolve("a.jsonl"));
        Map<String, List<Decision>> additions = new LinkedHashMap<>();
        additions.put("a", List.of(d("a2")));
        additions.put("b", List.of(d("b1")));
        try (Journal<Decision> lockedB = Journal.open(dir.resolve("b.jsonl"), Decision.CODEC)) {
            DefectLensException e = assertThrows(DefectLensException.class, () -> StagedMerge.commitAll(additions,
                    k -> Journal.open(dir.resolve(k + ".jsonl"), Decision.CODEC)));
            assertTrue(e.getMessage().contains("b.jsonl"), e.getMessage());
        }
        assertEquals(new String(before), new String(Files.readAllBytes(dir.resolve("a.jsonl"))));
        assertTrue(Files.notExists(dir.resolve("a.jsonl.merge")));
    }
}
