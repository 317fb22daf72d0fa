package defectlens.cli.wafer;

import defectlens.cli.TerminalProgress;
import defectlens.core.Progress;
import defectlens.wafer.InvalidRowSummary;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
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
        WaferDataset data = WaferPickleReader.read(file, Progress.NONE, mode());
        String report = InvalidRowSummary.text(data);
        if (report != null) {
            err.println(report);
            err.flush();
        }
        return data;
    }

    /** As {@link #read(Path, PrintWriter)}, with a progress line; the report goes below it. */
    WaferDataset read(Path file, TerminalProgress progress) {
        WaferDataset data = WaferPickleReader.read(file, progress, mode());
        String report = InvalidRowSummary.text(data);
        if (report != null) {
            progress.println(report);
        }
        return data;
    }

    private InvalidRows mode() {
        return skip ? InvalidRows.SKIP : InvalidRows.FAIL;
    }

    /** Adds {@code "invalid_rows"} to a JSON document when the option is on. */
    void addTo(Map<String, Object> doc, WaferDataset data) {
        if (skip) {
            doc.put("invalid_rows", InvalidRowSummary.json(data));
        }
    }
}
