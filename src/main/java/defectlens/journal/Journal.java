package defectlens.journal;

import static defectlens.journal.DurableFiles.closeQuietly;
import static defectlens.journal.DurableFiles.forceDirectory;
import static defectlens.journal.DurableFiles.writeFully;

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
 * An append-only journal of records of one type (ratings of a rater, decisions of a reviewer): one checksummed JSON
 * line per record ({@link ChecksummedLine}), written through a {@link RecordCodec}. {@link #append} returns only
 * after the line is forced to disk ({@code FileChannel.force(true)}), so a record the window calls "saved" survives
 * a killed process or a power cut. Opening a journal checks every line; damaged lines (a torn last line, a corrupted
 * line) are copied to {@code <journal>.torn}, reported in {@link #recovery()}, and the journal is repaired to its
 * good lines before anything new is written. A {@code <journal>.lock} file keeps a second writer out. A record id
 * already in the journal is not written again.
 *
 * @param <T> the record type
 */
public final class Journal<T> implements AutoCloseable {
    /** The largest journal read: 256 MiB, about 800,000 ratings. */
    public static final long MAX_BYTES = 256L << 20;

    private final Path file;
    private final RecordCodec<T> codec;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private final JournalRecovery recovery;
    private final List<T> records = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private Journal(Path file, RecordCodec<T> codec, FileChannel lockChannel, FileLock lock, FileChannel channel,
            JournalRecovery recovery, List<T> good) {
        this.file = file;
        this.codec = codec;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = channel;
        this.recovery = recovery;
        for (T r : good) {
            if (ids.add(codec.id(r))) {
                records.add(r);
            }
        }
    }

    /** Opens (creating if needed) a journal for writing: locks it, checks it and repairs a damaged tail. */
    public static <T> Journal<T> open(Path file, RecordCodec<T> codec) {
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
            JournalScan<T> scan = JournalScan.of(codec, existed ? Files.readAllBytes(f) : new byte[0]);
            JournalRecovery recovery = repair(f, codec, scan);
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (!existed) {
                ch.force(true);
                forceDirectory(f.getParent());
            }
            return new Journal<>(f, codec, lockChannel, lock, ch, recovery, scan.good());
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new DefectLensException(f, "cannot open the " + codec.noun() + "s journal: " + OutputFile.reason(e),
                    e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /**
     * Every line of a journal, read without locking or repairing it: the good records with their line numbers and
     * the numbers of the damaged lines. A missing file, a folder or a file far larger than any journal ends in a
     * message naming it.
     */
    public static <T> JournalContent<T> scan(Path file, RecordCodec<T> codec) {
        String kind = codec.noun() + "s journal";
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, Files.exists(file) ? "not a regular file, so not a " + kind
                    : "journal not found");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DefectLensException(file, "too large for a " + kind + " (" + Files.size(file)
                        + " bytes, at most " + MAX_BYTES + ")");
            }
            JournalScan<T> s = JournalScan.of(codec, Files.readAllBytes(file));
            return new JournalContent<>(file, s.good(), s.goodLineNumbers(), s.badLineNumbers());
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the " + kind + ": " + e.getMessage(), e);
        }
    }

    private static <T> JournalRecovery repair(Path f, RecordCodec<T> codec, JournalScan<T> scan) throws IOException {
        Path torn = f.resolveSibling(f.getFileName() + ".torn");
        if (scan.badLines() > 0) {
            try (FileChannel t = FileChannel.open(torn, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
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
        return new JournalRecovery(f, codec.noun(), scan.good().size(), scan.badLines(), scan.badBytes().length,
                scan.badLines() > 0 ? torn : null);
    }

    /**
     * Appends a record and forces it to disk. Returns true when written, false when a record with the same id is
     * already in the journal (nothing is written then).
     */
    public synchronized boolean append(T r) {
        String id = codec.id(r);
        if (ids.contains(id)) {
            return false;
        }
        byte[] line = (ChecksummedLine.encode(codec, r) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try {
            before = channel.size();
            writeFully(channel, ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            undoPartialWrite(before);
            throw new DefectLensException(file, "the " + codec.noun() + " was NOT saved: " + e.getMessage(), e);
        }
        ids.add(id);
        records.add(r);
        return true;
    }

    /**
     * Writes this journal followed by the given records (those not in it yet) to a temporary file beside it and
     * forces it to disk; nothing visible changes until {@link #commit}. A merge stages every journal it touches
     * first, so a failure (a full disk) leaves every journal as it was.
     */
    public synchronized Staged<T> stage(List<T> additions) {
        Path tmp = file.resolveSibling(file.getFileName() + ".merge");
        List<T> fresh = new ArrayList<>();
        Set<String> known = new HashSet<>(ids);
        StringBuilder lines = new StringBuilder();
        for (T r : additions) {
            if (known.add(codec.id(r))) {
                fresh.add(r);
                lines.append(ChecksummedLine.encode(codec, r)).append('\n');
            }
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(Files.readAllBytes(file)));
            writeFully(ch, ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            discard(new Staged<>(this, tmp, fresh));
            throw new DefectLensException(file, "nothing merged, the journal is unchanged: " + OutputFile.reason(e),
                    e);
        }
        return new Staged<>(this, tmp, fresh);
    }

    /** Moves a staged journal into place atomically and takes its records in. */
    public synchronized void commit(Staged<T> staged) {
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
        for (T r : staged.added()) {
            ids.add(codec.id(r));
            records.add(r);
        }
    }

    /** Removes a staged file that will not be committed. */
    public static void discard(Staged<?> staged) {
        try {
            Files.deleteIfExists(staged.tmp());
        } catch (IOException ignored) {
            // a left-over .merge file is overwritten by the next merge and never read as a journal
        }
    }

    /** A journal written with its additions to {@code tmp}, waiting for {@link Journal#commit}. */
    public record Staged<T>(Journal<T> journal, Path tmp, List<T> added) {
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

    /** The records in journal order, each id once. */
    public synchronized List<T> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    public synchronized boolean contains(String id) {
        return ids.contains(id);
    }

    public JournalRecovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    public RecordCodec<T> codec() {
        return codec;
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
}
