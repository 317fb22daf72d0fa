package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.ArgbImage;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageWriter;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMapPicture;
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
 * pictures (legend colours, no-die transparent) into one sub-folder per class, named by row index.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write wafer maps as PNG pictures into class folders.")
public final class WaferExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A WM-811K pickle (.pkl, .pkl.gz, .pkl.xz).")
    Path file;

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
