package defectlens.journal;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The body of a child process of {@link KilledWriterRounds}: opens a journal, prints "ready", then appends records as
 * fast as it can and prints each record's id only after {@link Journal#append} has returned (the point at which the
 * window would say "saved"). It is killed at a random moment.
 */
public final class WriterLoop {
    private WriterLoop() {
    }

    /** Appends {@code make.apply(prefix, i)} for i = 0, 1, ... until the process is killed. */
    public static <T> void run(Path file, String prefix, RecordCodec<T> codec, BiFunction<String, Integer, T> make) {
        Journal<T> j = Journal.open(file, codec);
        // warm up Jackson so that the random kill moments fall among writes, not class loading
        ChecksummedLine.decode(codec, ChecksummedLine.encode(codec, make.apply("warm-up", 1)));
        System.out.println("ready " + j.records().size() + " " + j.recovery().setAside());
        System.out.flush();
        for (int i = 0; i < 1_000_000; i++) {
            T r = make.apply(prefix, i);
            j.append(r);
            System.out.println(codec.id(r));
            System.out.flush();
        }
    }
}
