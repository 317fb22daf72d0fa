package defectlens;

import defectlens.cli.DefectLensCommand;

/**
 * Entry point: with no argument it opens the workbench window, with a command it runs the CLI.
 * Sets {@code ai.djl.offline=true} before anything touches DJL so the engine never downloads.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        prepareEnvironment();
        if (args.length == 0 || args[0].startsWith("--open=") || args[0].startsWith("--wafers=")) {
            defectlens.app.Launcher.main(args);
            return;
        }
        System.exit(DefectLensCommand.run(args));
    }

    /** Offline DJL and quiet OpenCV; called by every entry point. */
    public static void prepareEnvironment() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("OPENCV_LOG_LEVEL") == null) {
            System.setProperty("OPENCV_LOG_LEVEL", "ERROR");
        }
    }
}
