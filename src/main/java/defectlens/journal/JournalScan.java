package defectlens.journal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over the bytes of a journal: the good records with the bytes and numbers (1-based) of their lines, the
 * damaged lines and their numbers, and whether the damage is only at the end (the usual torn last line) so that
 * truncating the file is enough to repair it. Lines may end in LF or CRLF (a journal copied through a Windows share
 * or a git checkout with autocrlf); the CR is not part of the line.
 */
record JournalScan<T>(List<T> good, List<Integer> goodLineNumbers, byte[] goodBytes, long goodPrefixLength,
        byte[] badBytes, List<Integer> badLineNumbers, boolean damageOnlyAtEnd, boolean missingFinalNewline) {

    int badLines() {
        return badLineNumbers.size();
    }

    static <T> JournalScan<T> of(RecordCodec<T> codec, byte[] data) {
        List<T> good = new ArrayList<>();
        List<Integer> goodNumbers = new ArrayList<>();
        List<Integer> badNumbers = new ArrayList<>();
        int lineNumber = 0;
        ByteArrayOutputStream goodOut = new ByteArrayOutputStream();
        ByteArrayOutputStream badOut = new ByteArrayOutputStream();
        boolean goodAfterBad = false;
        long goodPrefix = 0;
        boolean missingNewline = false;
        int start = 0;
        while (start < data.length) {
            int nl = indexOf(data, (byte) '\n', start);
            int end = nl < 0 ? data.length : nl;
            int next = nl < 0 ? data.length : nl + 1;
            int textEnd = end > start && data[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            String line = new String(data, start, textEnd - start, StandardCharsets.UTF_8);
            Optional<T> r = ChecksummedLine.decode(codec, line);
            if (r.isPresent()) {
                good.add(r.get());
                goodNumbers.add(lineNumber);
                goodOut.write(data, start, textEnd - start);
                goodOut.write('\n');
                if (!badNumbers.isEmpty()) {
                    goodAfterBad = true;
                } else {
                    goodPrefix = next;
                }
                missingNewline = nl < 0;
            } else {
                badOut.write(data, start, next - start);
                if (nl < 0) {
                    badOut.write('\n');
                }
                badNumbers.add(lineNumber);
            }
            start = next;
        }
        return new JournalScan<>(good, goodNumbers, goodOut.toByteArray(), goodPrefix, badOut.toByteArray(),
                badNumbers, !goodAfterBad, missingNewline);
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
