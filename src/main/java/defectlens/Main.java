package defectlens;

import defectlens.app.Launcher;
import defectlens.cli.DefectLensCommand;
import defectlens.core.RuntimeEnvironment;
import defectlens.core.UserFolders;

/**
 * Entry point: with no argument it opens the workbench window, with a command it runs the CLI. Prepares the
 * runtime ({@link RuntimeEnvironment}: offline DJL, the oneDNN cap) before anything touches DJL.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment.prepare();
        String moved = UserFolders.moveLegacyFolderOfCurrentUser();
        if (moved != null) {
            System.err.println(moved);
        }
        if (args.length == 0 || isWindowOption(args[0])) {
            Launcher.main(args);
            return;
        }
        System.exit(DefectLensCommand.run(args));
    }

    /** The options of the window ({@code --open=}, {@code --wafers=}, {@code --review=}, {@code --screenshot=}, {@code --theme=}). */
    static boolean isWindowOption(String arg) {
        return WINDOW_OPTIONS.stream().anyMatch(o -> arg.startsWith("--" + o + "="));
    }

    private static final java.util.List<String> WINDOW_OPTIONS = java.util.List.of("open", "wafers", "review",
            "reviewer", "screenshot", "screenshot-delay", "theme");
}
