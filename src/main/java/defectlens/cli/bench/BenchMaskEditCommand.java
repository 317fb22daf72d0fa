package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.mask.MaskEditBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench mask-edit}: brush strokes, undo and redo on the mask of a large 16-bit TIFF. */
@Command(
        name = "mask-edit",
        mixinStandardHelpOptions = true,
        description = "Mask editing on a large 16-bit TIFF: brush strokes, undo and redo (median / p95 / max ms).")
public final class BenchMaskEditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", defaultValue = "4096",
            description = "Image width and height (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--brush", defaultValue = "32",
            description = "Brush diameter in pixels (default: ${DEFAULT-VALUE}).")
    int brush;

    @Option(names = "--strokes", defaultValue = "100",
            description = "Timed strokes (default: ${DEFAULT-VALUE}).")
    int strokes;

    @Option(names = "--segments", defaultValue = "40",
            description = "Drag events per stroke (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of image and strokes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        if (size < 16 || size > 16384 || brush < 1 || strokes < 1 || segments < 1) {
            throw new DefectLensException("need 16 <= --size <= 16384, --brush >= 1, --strokes >= 1, --segments >= 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("mask-edit bench: " + size + " x " + size + " 16-bit TIFF, brush " + brush + " px, " + strokes
                + " strokes of " + segments + " drag events");
        Path tmp = Files.createTempDirectory("defectlens-mask-bench");
        MaskEditBenchmark.Result r;
        try {
            r = MaskEditBenchmark.run(tmp, size, brush, strokes, segments, seed);
        } finally {
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(Json.write(r));
        } else {
            out.printf("image %d x %d, %d-bit TIFF read in %.0f ms; brush %d px; undo memory %.1f MB%n", r.width(),
                    r.height(), r.bitDepth(), r.tiffReadMs(), r.brush(), r.undoBytes() / 1e6);
            out.printf("%-28s %6s %9s %9s %9s%n", "step", "count", "median ms", "p95 ms", "max ms");
            for (MaskEditBenchmark.Timing t : r.timings()) {
                out.printf("%-28s %6d %9.2f %9.2f %9.2f%n", t.step(), t.count(), t.medianMs(), t.p95Ms(), t.maxMs());
            }
        }
        return 0;
    }
}
