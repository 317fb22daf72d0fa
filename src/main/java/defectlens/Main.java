package defectlens;

import defectlens.app.Launcher;
import defectlens.cli.DefectLensCommand;
import defectlens.core.RuntimeEnvironment;

/**
 * Entry point: with no argument it opens the workbench window, with a command it runs the CLI. Prepares the
 * runtime ({@link RuntimeEnvironment}: offline DJL, the oneDNN cap) before anything touches DJL.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment.prepare();
        if (args.length == 0 || args[0].startsWith("--open=") || args[0].startsWith("--wafers=")
                || args[0].startsWith("--review=")) {
            Launcher.main(args);
            return;
        }
        System.exit(DefectLensCommand.run(args));
    }
}
