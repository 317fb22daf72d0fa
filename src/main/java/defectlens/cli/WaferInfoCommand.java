package defectlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code defectlens wafer info <file> [--json]}: reads a wafer pickle safely and prints how many maps
 * it holds, per class and split, and how many grid shapes. Progress goes to stderr.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Count the wafer maps of a WM-811K pickle (.pkl, .pkl.gz, .pkl.xz) by class and split.")
public final class WaferInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "LSWMD.pkl, WM811K.pkl or a pickle of the same layout")
    Path file;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @CommandLine.Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, "reading " + file.getFileName());
        WaferDataset data;
        try {
            data = invalidRows.read(file, err, progress);
        } finally {
            progress.endLine();
        }
        Map<String, Object> doc = summary(data);
        invalidRows.addTo(doc, data);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
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

    /** A percentage line on stderr, rewritten in place, in steps of 5 %. */
    private static final class ProgressLine implements java.util.function.DoubleConsumer {
        private final PrintWriter err;
        private final String what;
        private int shown = -1;

        ProgressLine(PrintWriter err, String what) {
            this.err = err;
            this.what = what;
        }

        /** Ends a percentage line left open (the read stopped before 100 %), so an error starts its own line. */
        void endLine() {
            if (shown >= 0 && shown != 100) {
                err.println();
                err.flush();
                shown = 100;
            }
        }

        @Override
        public void accept(double fraction) {
            int pct = (int) Math.round(fraction * 100);
            if (pct / 5 != shown / 5 || (pct == 100 && shown != 100)) {
                shown = pct;
                err.print("\r" + what + " " + pct + "%" + (pct == 100 ? System.lineSeparator() : ""));
                err.flush();
            }
        }
    }
}
