package defectlens.journal;

import java.nio.file.Path;

/**
 * What opening a journal found: the number of good lines, and the bad lines (a torn last line after a crash, or a
 * corrupted line) that were set aside into {@code tornFile} before the journal was repaired. Nothing is dropped
 * silently: {@link #setAside()} > 0 is reported to the user. {@code noun} names the records ("rating").
 */
public record JournalRecovery(Path journal, String noun, int goodLines, int setAside, long bytesSetAside,
        Path tornFile) {
    public boolean clean() {
        return setAside == 0;
    }

    public String describe() {
        return clean() ? journal + ": " + goodLines + " " + noun + "s, clean"
                : journal + ": " + goodLines + " " + noun + "s; " + setAside + " damaged line(s) (" + bytesSetAside
                        + " bytes) set aside in " + tornFile;
    }
}
