package defectlens.cli.wafer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code defectlens wafer info <file> [--json]}: reads a wafer pickle safely and prints how many maps
 * it holds, per class and split, and how many grid shapes. Progress goes to stderr.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Count the wafer maps of a WM-811K pickle (.pkl, .pkl.gz, .pkl.xz) by class and split.")
public final class WaferInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "LSWMD.pkl, WM811K.pkl or a pickle of the same layout")
    Path file;

    @Mixin
    JsonOption json;

    @CommandLine.Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset data;
        try (TerminalProgress progress = new TerminalProgress(err, "reading " + file.getFileName())) {
            data = invalidRows.read(file, progress);
        }
        Map<String, Object> doc = summary(data);
        invalidRows.addTo(doc, data);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
        }
        out.flush();
        return 0;
    }

    /** The facts {@code wafer info} reports, in print order. */
    static Map<String, Object> summary(WaferDataset data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("count", data.size());
        doc.put("labeled", data.labelledCount());
        doc.put("unlabeled", data.size() - data.labelledCount());
        doc.put("classes", data.classCounts());
        Map<String, Integer> splits = new LinkedHashMap<>();
        for (Map.Entry<WaferSplit, Integer> e : data.splitCounts().entrySet()) {
            splits.put(e.getKey().label(), e.getValue());
        }
        doc.put("splits", splits);
        int[][] range = data.shapeRange();
        if (range.length == 2) {
            Map<String, Object> shapes = new LinkedHashMap<>();
            shapes.put("min", List.of(range[0][0], range[0][1]));
            shapes.put("max", List.of(range[1][0], range[1][1]));
            doc.put("shapes", shapes);
        }
        doc.put("distinct_shapes", data.distinctShapes());
        doc.put("layout", data.layout().name());
        doc.put("file", data.source().toString());
        return doc;
    }
}
