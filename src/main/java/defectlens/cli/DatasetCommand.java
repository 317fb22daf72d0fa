package defectlens.cli;

import defectlens.dataset.DatasetOpener;
import defectlens.dataset.DatasetSummary;
import defectlens.dataset.SemDataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dataset ...}: SEM data sets (class folders, Carinthia, Carinthia-S). */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Inspect SEM data sets.",
        subcommands = {DatasetCommand.Info.class})
public final class DatasetCommand extends CommandGroup {

    /** {@code dataset info <path> [--json]}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Layout, number of images, images per class and masks of a data set.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Data-set folder, data/carinthia(-s).csv, or an image.")
        Path path;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            SemDataset d = DatasetOpener.open(path);
            DatasetSummary s = DatasetSummary.of(d);
            var out = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("layout", s.layout());
                m.put("images", s.images());
                m.put("classes", s.classes());
                m.put("masks", s.masks());
                m.put("path", s.path());
                out.println(Json.write(m));
            } else {
                out.printf("%s%n  layout: %s%n  images: %d%n  masks:  %d%n  classes:%n", s.path(), s.layout(), s.images(), s.masks());
                s.classes().forEach((k, v) -> out.printf("    %-16s %d%n", k, v));
            }
            return 0;
        }
    }
}
