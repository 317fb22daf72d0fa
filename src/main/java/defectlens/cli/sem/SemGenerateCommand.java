package defectlens.cli.sem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.ClassQuota;
import defectlens.dataset.SemGenerationSummary;
import defectlens.dataset.SemGenerator;
import defectlens.dataset.SemVariety;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sem generate}: writes a synthetic Carinthia look-alike data set (line/space SEM images, six
 * classes, binary defect masks) in the Carinthia-S layout under {@code OUT/data}.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generates synthetic Carinthia look-alike SEM images with defect masks.",
            "Writes OUT/data/carinthia-s.csv, OUT/data/carinthia.csv, OUT/data/images/*.jpg, OUT/data/masks/*.png."})
public final class SemGenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder to write the data set into.")
    Path out;

    @Option(names = "--per-class", description = "Images per class (balanced set).")
    Integer perClass;

    @Option(names = "--imbalance", description = "'real': follow the real Carinthia class proportions (needs --total).")
    String imbalance;

    @Option(names = "--total", description = "Total number of images with --imbalance real.")
    Integer total;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "480", description = "Frame size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--quality", defaultValue = "92", description = "JPEG quality 1-100 (default: ${DEFAULT-VALUE}).")
    int quality;

    @Option(names = "--variety", defaultValue = "standard",
            description = "standard (the original look; default) or wide (much wider line, appearance, noise, blur "
                    + "and defect-size ranges, charging gradients, partial frames: training data for models that "
                    + "generalise).")
    String variety;

    @Option(names = "--threads", description = "Worker threads (default: number of processors).")
    Integer threads;

    @Mixin
    JsonOption json;

    @Option(names = "--force",
            description = "Write into a folder that is not empty (files of the same name are replaced).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ClassQuota quota = quota();
        if (size < 32 || size > 8192) {
            throw new DefectLensException(out, "--size must be 32..8192 pixels, not " + size);
        }
        if (quality < 1 || quality > 100) {
            throw new DefectLensException(out, "--quality must be 1..100, not " + quality);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new DefectLensException(out, "--threads must be at least 1, not " + workers);
        }
        SemVariety looks;
        try {
            looks = SemVariety.parse(variety);
        } catch (DefectLensException e) {
            throw new DefectLensException(out, "--variety: " + e.getMessage());
        }
        OutputFile.prepareFolder(out, force);
        var err = spec.commandLine().getErr();
        SemGenerationSummary summary;
        try (TerminalProgress progress = new TerminalProgress(err, "sem generate")) {
            summary = new SemGenerator(size, quality, workers, looks).generate(out, quota, seed, progress);
        }
        var stdout = spec.commandLine().getOut();
        if (json.on()) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("out", out.toAbsolutePath().normalize().toString());
            root.put("images", summary.images());
            root.put("variety", looks.key());
            ObjectNode classes = root.putObject("classes");
            for (Map.Entry<CarinthiaClass, Integer> e : summary.classes().entrySet()) {
                classes.put(e.getKey().displayName(), e.getValue());
            }
            root.put("masks", summary.masks());
            stdout.println(mapper.writeValueAsString(root));
        } else {
            stdout.printf(Locale.ROOT, "wrote %d images and %d masks to %s%n", summary.images(), summary.masks(),
                    summary.dataDir());
        }
        stdout.flush();
        return 0;
    }

    private ClassQuota quota() {
        if (imbalance != null) {
            if (!"real".equals(imbalance.trim().toLowerCase(Locale.ROOT))) {
                throw new DefectLensException(out, "--imbalance knows only 'real', not '" + imbalance + "'");
            }
            if (perClass != null) {
                throw new DefectLensException(out, "give either --per-class or --imbalance real --total T, not both");
            }
            if (total == null || total < CarinthiaClass.values().length) {
                throw new DefectLensException(out, "--imbalance real needs --total of at least "
                        + CarinthiaClass.values().length);
            }
            return ClassQuota.realProportions(total);
        }
        if (total != null) {
            throw new DefectLensException(out, "--total needs --imbalance real");
        }
        if (perClass == null || perClass < 1) {
            throw new DefectLensException(out, "give --per-class N (N >= 1) or --imbalance real --total T");
        }
        return ClassQuota.balanced(perClass);
    }
}
