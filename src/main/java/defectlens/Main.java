package defectlens;

import defectlens.cli.DefectLensCommand;
import defectlens.model.OneDnnIsaCap;

/**
 * Entry point: with no argument it opens the workbench window, with a command it runs the CLI.
 * Sets {@code ai.djl.offline=true} before anything touches DJL so the engine never downloads, and caps oneDNN's
 * instruction set ({@link OneDnnIsaCap}) before the first convolution.
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

    /** Offline DJL, oneDNN kept to kernels that compute right, quiet OpenCV; called by every entry point. */
    public static void prepareEnvironment() {
        System.setProperty("ai.djl.offline", "true");
        OneDnnIsaCap.apply();
        if (System.getProperty("OPENCV_LOG_LEVEL") == null) {
            System.setProperty("OPENCV_LOG_LEVEL", "ERROR");
        }
    }
}
