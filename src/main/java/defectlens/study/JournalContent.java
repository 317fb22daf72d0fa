package defectlens.study;

import java.nio.file.Path;
import java.util.List;

/**
 * Every line of one journal as read (without locking or repairing it): the checksummed ratings with
 * the numbers (1-based) of their lines, and the numbers of the damaged lines (a bad checksum, a torn
 * write, bytes that are no journal line at all).
 */
public record JournalContent(Path file, List<Rating> ratings, List<Integer> lineNumbers, List<Integer> damagedLines) {
    public JournalContent {
        ratings = List.copyOf(ratings);
        lineNumbers = List.copyOf(lineNumbers);
        damagedLines = List.copyOf(damagedLines);
        if (ratings.size() != lineNumbers.size()) {
            throw new IllegalArgumentException("one line number per rating");
        }
    }
}
