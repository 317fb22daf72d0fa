package defectlens.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every command shares, as a picocli mixin: one JSON document on stdout. */
public final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document on stdout (progress and warnings go to stderr).")
    boolean json;

    /** Whether the user asked for JSON. */
    public boolean on() {
        return json;
    }
}
