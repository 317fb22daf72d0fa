package defectlens.study;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The append-only ratings journal of one rater: one checksummed JSON line per submitted rating
 * ({@link JournalLine}). {@link #append} returns only after the line is forced to disk
 * ({@code FileChannel.force(true)}), so a rating the window calls "saved" survives a killed process
 * or a power cut. Opening a journal checks every line; damaged lines (a torn last line, a corrupted
 * line) are copied to {@code <journal>.torn}, reported in {@link #recovery()}, and the journal is
 * repaired to its good lines before anything new is written. A {@code <journal>.lock} file keeps a
 * second writer out. A submission id already in the journal is not written again.
 */
public final class RatingJournal implements AutoCloseable {
    /** The largest journal read: 256 MiB, about 800,000 ratings. */
    public static final long MAX_BYTES = 256L << 20;

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private final JournalRecovery recovery;
    private final List<Rating> ratings = new ArrayList<>();
    private final Set<String> submissionIds = new HashSet<>();

    private RatingJournal(Path file, FileChannel lockChannel, FileLock lock, FileChannel channel,
            JournalRecovery recovery, List<Rating> good) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = channel;
        this.recovery = recovery;
        for (Rating r : good) {
            if (submissionIds.add(r.submissionId())) {
                ratings.add(r);
            }
        }
    }

    /** Opens (creating if needed) a journal for writing: locks it, checks it and repairs a damaged tail. */
    public static RatingJournal open(Path file) {
        Path f = file.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(f.getParent());
            lockChannel = FileChannel.open(f.resolveSibling(f.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DefectLensException(f, "the journal is open in another DefectLens window or process");
            }
            boolean existed = Files.exists(f);
            JournalScan scan = JournalScan.of(existed ? Files.readAllBytes(f) : new byte[0]);
            JournalRecovery recovery = repair(f, scan);
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (!existed) {
                ch.force(true);
                forceDirectory(f.getParent());
            }
            return new RatingJournal(f, lockChannel, lock, ch, recovery, scan.good());
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new DefectLensException(f, "cannot open the ratings journal: " + OutputFile.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** The good ratings of a journal, read without locking or repairing it (for analysis and merging). */
    public static List<Rating> read(Path file) {
        return scan(file).ratings();
    }

    /**
     * Every line of a journal, read without locking or repairing it: the good ratings with their line
     * numbers and the numbers of the damaged lines. A missing file, a folder or a file far larger than
     * any journal ends in a message naming it.
     */
    public static JournalContent scan(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, Files.exists(file) ? "not a regular file, so not a ratings journal"
                    : "journal not found");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DefectLensException(file, "too large for a ratings journal (" + Files.size(file)
                        + " bytes, at most " + MAX_BYTES + ")");
            }
            JournalScan s = JournalScan.of(Files.readAllBytes(file));
            return new JournalContent(file, s.good(), s.goodLineNumbers(), s.badLineNumbers());
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the ratings journal: " + e.getMessage(), e);
        }
    }

    private static JournalRecovery repair(Path f, JournalScan scan) throws IOException {
        Path torn = f.resolveSibling(f.getFileName() + ".torn");
        if (scan.badLines() > 0) {
            try (FileChannel t = FileChannel.open(torn, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                writeFully(t, ByteBuffer.wrap(scan.badBytes()));
                t.force(true);
            }
            forceDirectory(f.getParent());
            if (scan.damageOnlyAtEnd()) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.truncate(scan.goodPrefixLength());
                    ch.force(true);
                }
            } else {
                Path tmp = f.resolveSibling(f.getFileName() + ".repair");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    writeFully(ch, ByteBuffer.wrap(scan.goodBytes()));
                    ch.force(true);
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(f.getParent());
            }
        } else if (scan.missingFinalNewline()) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}));
                ch.force(true);
            }
        }
        return new JournalRecovery(f, scan.good().size(), scan.badLines(), scan.badBytes().length, scan.badLines() > 0 ? torn : null);
    }

    /**
     * Appends a rating and forces it to disk. Returns true when written, false when a rating with the
     * same submission id is already in the journal (nothing is written then).
     */
    public synchronized boolean append(Rating r) {
        if (submissionIds.contains(r.submissionId())) {
            return false;
        }
        byte[] line = (JournalLine.encode(r) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try {
            before = channel.size();
            writeFully(channel, ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            undoPartialWrite(before);
            throw new DefectLensException(file, "the rating was NOT saved: " + e.getMessage(), e);
        }
        submissionIds.add(r.submissionId());
        ratings.add(r);
        return true;
    }

    /**
     * Writes this journal followed by the given ratings (those not in it yet) to a temporary file beside
     * it and forces it to disk; nothing visible changes until {@link #commit}. A merge stages every
     * journal it touches first, so a failure (a full disk) leaves every journal as it was.
     */
    synchronized Staged stage(List<Rating> additions) {
        Path tmp = file.resolveSibling(file.getFileName() + ".merge");
        List<Rating> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>(submissionIds);
        StringBuilder lines = new StringBuilder();
        for (Rating r : additions) {
            if (ids.add(r.submissionId())) {
                fresh.add(r);
                lines.append(JournalLine.encode(r)).append('\n');
            }
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(Files.readAllBytes(file)));
            writeFully(ch, ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            discard(new Staged(this, tmp, fresh));
            throw new DefectLensException(file, "nothing merged, the journal is unchanged: " + OutputFile.reason(e), e);
        }
        return new Staged(this, tmp, fresh);
    }

    /** Moves a staged journal into place atomically and takes its ratings in. */
    synchronized void commit(Staged staged) {
        try {
            Files.move(staged.tmp(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(file.getParent());
            FileChannel old = channel;
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            closeQuietly(old);
        } catch (IOException e) {
            discard(staged);
            throw new DefectLensException(file, "cannot move the merged journal into place: " + OutputFile.reason(e),
                    e);
        }
        for (Rating r : staged.added()) {
            submissionIds.add(r.submissionId());
            ratings.add(r);
        }
    }

    /** Removes a staged file that will not be committed. */
    static void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.tmp());
        } catch (IOException ignored) {
            // a left-over .merge file is overwritten by the next merge and never read as a journal
        }
    }

    /** A journal written with its additions to {@code tmp}, waiting for {@link #commit}. */
    record Staged(RatingJournal journal, Path tmp, List<Rating> added) {
    }

    private void undoPartialWrite(long size) {
        if (size < 0) {
            return;
        }
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException ignored) {
            // the next open finds the damaged line, sets it aside and reports it
        }
    }

    public synchronized List<Rating> ratings() {
        return Collections.unmodifiableList(new ArrayList<>(ratings));
    }

    public synchronized boolean contains(String submissionId) {
        return submissionIds.contains(submissionId);
    }

    public JournalRecovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closeQuietly(channel);
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases the lock as well
        }
        closeQuietly(lockChannel);
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Makes a created or renamed file's directory entry durable (a no-op where the OS does not allow it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; its rename and create are durable by NTFS journaling
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
        }
    }
}
