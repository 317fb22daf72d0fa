package defectlens.cli;

import defectlens.wafer.InvalidRowSummary;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleConsumer;
import picocli.CommandLine.Option;

/**
 * {@code --skip-invalid} of the wafer batch commands: without it the first row whose map breaks a rule is
 * the error; with it such rows are left out, the rest is processed, and the rows left out are reported on
 * stderr (count, row numbers, first problem) and under {@code "invalid_rows"} in {@code --json}.
 */
public final class InvalidRowsOption {
    @Option(names = "--skip-invalid", description = "Leave out rows whose wafer map is invalid (values other than "
            + "0/1/2, empty or absurd shape, not a 2-D array) and report them, instead of stopping at the first.")
    boolean skip;

    /** Reads the wafer file under this option and reports the rows left out on {@code err}. */
    WaferDataset read(Path file, PrintWriter err) {
        return read(file, err, f -> { });
    }

    /** As {@link #read(Path, PrintWriter)}, with progress. */
    WaferDataset read(Path file, PrintWriter err, DoubleConsumer progress) {
        WaferDataset data = WaferPickleReader.read(file, progress, () -> false,
                skip ? InvalidRows.SKIP : InvalidRows.FAIL);
        String report = InvalidRowSummary.text(data);
        if (report != null) {
            err.println(report);
            err.flush();
        }
        return data;
    }

    /** Adds {@code "invalid_rows"} to a JSON document when the option is on. */
    void addTo(Map<String, Object> doc, WaferDataset data) {
        if (skip) {
            doc.put("invalid_rows", InvalidRowSummary.json(data));
        }
    }
}
