package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.journal.ChecksummedLine;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ratings journal on the generic journal writes exactly the bytes earlier versions wrote: the lines of a journal
 * made by the fuzz corpus's independent Python writer ({@code fuzz/journal/make_cases.py}) decode and encode again
 * to the same bytes, and a journal written now is those bytes plus a newline per line.
 */
class RatingJournalFormatTest {
    private static Path corpusFile(String name) throws URISyntaxException {
        return Path.of(RatingJournalFormatTest.class.getResource("/fuzz/journal/" + name).toURI());
    }

    @Test
    void everyGoodLineOfAnEarlierJournalIsWrittenAgainByteForByte(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(corpusFile("mixed.jsonl"), StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        int good = 0;
        try (RatingJournal j = RatingJournal.open(dir.resolve("journal-bob.jsonl"))) {
            for (String line : lines) {
                Optional<Rating> r = ChecksummedLine.decode(RatingJournal.CODEC, line);
                if (r.isPresent()) {
                    good++;
                    assertEquals(line, ChecksummedLine.encode(RatingJournal.CODEC, r.get()));
                    assertTrue(j.append(r.get()));
                    expected.append(line).append('\n');
                }
            }
        }
        assertTrue(good >= 2, "the corpus journal has good lines: " + good);
        assertEquals(expected.toString(), Files.readString(dir.resolve("journal-bob.jsonl"), StandardCharsets.UTF_8));
    }
}
