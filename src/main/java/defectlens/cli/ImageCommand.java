package defectlens.cli;

import defectlens.image.DisplayWindow;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image ...}: single SEM image files. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Inspect SEM image files.",
        subcommands = {ImageCommand.Info.class})
public final class ImageCommand extends CommandGroup {

    /** {@code image info <file> [--json]}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Size, channels, bit depth and grey-level range of an image.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "PNG, JPEG, BMP or TIFF file.")
        Path file;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ImageRaster r = SemImageReader.read(file);
            DisplayWindow mm = DisplayWindow.minMax(r);
            DisplayWindow robust = DisplayWindow.percentile(r, 0.5, 99.5);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("width", r.width());
            m.put("height", r.height());
            m.put("channels", r.channels());
            m.put("bitDepth", r.bitDepth());
            m.put("min", mm.low());
            m.put("max", mm.high());
            m.put("p0_5", robust.low());
            m.put("p99_5", robust.high());
            var out = spec.commandLine().getOut();
            if (json.on()) {
                out.println(Json.write(m));
            } else {
                m.forEach((k, v) -> out.printf("%-9s %s%n", k + ":", v));
            }
            return 0;
        }
    }
}
