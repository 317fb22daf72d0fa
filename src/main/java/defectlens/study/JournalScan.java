package defectlens.study;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over the bytes of a journal: the good ratings with the bytes of their lines, the damaged
 * lines, and whether the damage is only at the end (the usual torn last line) so that truncating the
 * file is enough to repair it.
 */
record JournalScan(List<Rating> good, byte[] goodBytes, long goodPrefixLength, byte[] badBytes, int badLines,
        boolean damageOnlyAtEnd, boolean missingFinalNewline) {

    static JournalScan of(byte[] data) {
        List<Rating> good = new ArrayList<>();
        ByteArrayOutputStream goodOut = new ByteArrayOutputStream();
        ByteArrayOutputStream badOut = new ByteArrayOutputStream();
        int badLines = 0;
        boolean goodAfterBad = false;
        long goodPrefix = 0;
        boolean missingNewline = false;
        int start = 0;
        while (start < data.length) {
            int nl = indexOf(data, (byte) '\n', start);
            int end = nl < 0 ? data.length : nl;
            int next = nl < 0 ? data.length : nl + 1;
            String line = new String(data, start, end - start, StandardCharsets.UTF_8);
            Optional<Rating> r = JournalLine.decode(line);
            if (r.isPresent()) {
                good.add(r.get());
                goodOut.write(data, start, end - start);
                goodOut.write('\n');
                if (badLines > 0) {
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
                badLines++;
            }
            start = next;
        }
        return new JournalScan(good, goodOut.toByteArray(), goodPrefix, badOut.toByteArray(), badLines,
                !goodAfterBad, missingNewline);
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
