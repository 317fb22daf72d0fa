package defectlens.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * Every line of one journal as read (without locking or repairing it): the checksummed records with the numbers
 * (1-based) of their lines, and the numbers of the damaged lines (a bad checksum, a torn write, bytes that are no
 * journal line at all).
 */
public record JournalContent<T>(Path file, List<T> records, List<Integer> lineNumbers, List<Integer> damagedLines) {
    public JournalContent {
        records = List.copyOf(records);
        lineNumbers = List.copyOf(lineNumbers);
        damagedLines = List.copyOf(damagedLines);
        if (records.size() != lineNumbers.size()) {
            throw new IllegalArgumentException("one line number per record");
        }
    }
}
