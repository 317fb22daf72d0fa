package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.cli.spark.SparkSupport;
import defectlens.cli.spark.WaferMapsParquet;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.ArgbImage;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageWriter;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMapPicture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code wafer export <file> --out DIR [--class C] [--limit N] [--scale S]}: writes wafer maps as PNG
 * pictures (legend colours, no-die transparent) into one sub-folder per class, named by row index. With
 * {@code --format parquet} it writes the maps (index, lot, wafer, label, split, shape, die values) as a Parquet
 * folder for Spark's {@code wafer-score} instead (docs/spark.md); that needs Spark's libraries, so it runs under
 * spark-submit or wherever Spark is on the class path.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write wafer maps as PNG pictures into class folders, or as Parquet for Spark.")
public final class WaferExportCommand implements Callable<Integer> {
    /** What {@code --format} writes. */
    enum Format { png, parquet }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A WM-811K pickle (.pkl, .pkl.gz, .pkl.xz); or give it with --data.")
    Path file;

    @Option(names = "--data", paramLabel = "FILE", description = "The WM-811K pickle (instead of FILE).")
    Path dataFile;

    @Option(names = "--format", defaultValue = "png",
            description = "png: pictures in class folders; parquet: one Parquet folder for Spark (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", required = true, description = "Folder to write into (class sub-folders are made).")
    Path out;

    @Option(names = "--class", description = "Only this class (as the file spells it; 'unlabelled' for unlabelled maps).")
    String onlyClass;

    @Option(names = "--limit", description = "At most this many maps per class (default: all).")
    Integer limit;

    @Option(names = "--scale", defaultValue = "4", description = "Pixels per die side (default ${DEFAULT-VALUE}).")
    int scale;

    @Mixin
    JsonOption json;

    @CommandLine.Mixin
    InvalidRowsOption invalidRows;

    @Option(names = "--force", description = "Replace pictures of an earlier export.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((file == null) == (dataFile == null)) {
            throw new DefectLensException(out, "give the wafer file either as FILE or with --data, once");
        }
        if (dataFile != null) {
            file = dataFile;
        }
        if (format == Format.parquet) {
            SparkSupport.require(file, "Parquet export");
        }
        if (scale < 1 || scale > 64) {
            throw new DefectLensException(out, "--scale must be between 1 and 64, got " + scale);
        }
        if (limit != null && limit < 1) {
            throw new DefectLensException(out, "--limit must be positive, got " + limit);
        }
        OutputFile.checkFolder(out, true);
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset data = invalidRows.read(file, err);
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<Integer, Path> targets = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            WaferMap m = data.get(i);
            String cls = m.isLabelled() ? m.label() : "unlabelled";
            if (onlyClass != null && !onlyClass.equals(cls)) {
                continue;
            }
            int n = written.getOrDefault(cls, 0);
            if (limit != null && n >= limit) {
                continue;
            }
            targets.put(i, out.resolve(safeName(cls)).resolve(String.format(Locale.ROOT, "wafer_%06d.png", i)));
            written.put(cls, n + 1);
        }
        if (onlyClass != null && written.isEmpty()) {
            throw new DefectLensException(file, "no map of class '" + onlyClass + "' (classes: " + data.classCounts().keySet() + ")");
        }
        if (format == Format.parquet) {
            return writeParquet(data, targets.keySet().stream().mapToInt(Integer::intValue).toArray(), written);
        }
        OutputFile.prepareFolder(out, true);
        for (Path target : targets.values()) {
            if (!force && Files.exists(target)) {
                throw new DefectLensException(target, "already exists; use --force to replace it");
            }
        }
        int done = 0;
        for (Map.Entry<Integer, Path> t : targets.entrySet()) {
            SemImageWriter.write(toRaster(WaferMapPicture.render(data.get(t.getKey()), scale)), t.getValue());
            if (++done % 1000 == 0) {
                err.printf("exported %d of %d%n", done, targets.size());
                err.flush();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        int total = written.values().stream().mapToInt(Integer::intValue).sum();
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("out", out.toString());
            doc.put("written", total);
            doc.put("classes", written);
            invalidRows.addTo(doc, data);
            o.println(Json.write(doc));
        } else {
            o.println("wrote " + total + " PNG wafer maps to " + out + " " + written);
        }
        return 0;
    }

    private int writeParquet(WaferDataset data, int[] rows, Map<String, Integer> written) {
        if (!force && Files.exists(out.resolve("part-00000.parquet"))) {
            throw new DefectLensException(out, "already holds a Parquet export; use --force to replace it");
        }
        OutputFile.prepareFolder(out, true);
        int files;
        try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), "wafer export")) {
            files = WaferMapsParquet.write(data, rows, out, progress);
        } catch (IOException e) {
            throw OutputFile.problem(out, e);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("out", out.toString());
            doc.put("format", "parquet");
            doc.put("written", rows.length);
            doc.put("files", files);
            doc.put("classes", written);
            invalidRows.addTo(doc, data);
            o.println(Json.write(doc));
        } else {
            o.println("wrote " + rows.length + " wafer maps as Parquet (" + files + " file" + (files == 1 ? "" : "s")
                    + ") to " + out + " " + written);
        }
        return 0;
    }

    /** A class name as a folder name: letters, digits, '-' and '_' only. */
    static String safeName(String cls) {
        String s = cls.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() ? "_" : s;
    }

    private static ImageRaster toRaster(ArgbImage img) {
        int[] px = img.pixels();
        short[] s = new short[px.length * 4];
        for (int i = 0; i < px.length; i++) {
            s[i * 4] = (short) ((px[i] >> 16) & 0xFF);
            s[i * 4 + 1] = (short) ((px[i] >> 8) & 0xFF);
            s[i * 4 + 2] = (short) (px[i] & 0xFF);
            s[i * 4 + 3] = (short) ((px[i] >>> 24) & 0xFF);
        }
        return new ImageRaster(img.width(), img.height(), 4, 8, s);
    }
}
