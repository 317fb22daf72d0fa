package defectlens.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a CLI command must not print on stderr on a machine without a GPU (issue 23): a logging framework's warning
 * ({@code WARN}, {@code WARNING}: DJL's GPU probe, JavaFX), a warning of libtorch's own logging ({@code [W1130
 * 15:46:52.821 NNPACK.cpp:57] ...}), SLF4J's own warnings and Gtk messages. Progress lines, {@code warning: skipped ...} about a user's
 * file and {@code error:} lines are the command's own and allowed. Shared by the child-JVM test of the CLI
 * ({@link CliStderrTest}) and the installer smoke test.
 */
public final class StderrNoise {
    private static final Pattern NOISE = Pattern.compile("WARN|NNPACK|Gtk|SLF4J\\(W\\)|^\\[W\\d{4} ");

    private StderrNoise() {
    }

    /** The lines of {@code stderr} (progress redraws split at carriage returns) that are noise. */
    public static List<String> in(String stderr) {
        return stderr.lines().flatMap(l -> List.of(l.split("\r")).stream())
                .filter(l -> NOISE.matcher(l).find()).toList();
    }
}
