package defectlens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The workbench window. Opens the path given on the command line ({@code --open=PATH}) or else the
 * shipped demo data set, so the first start shows something real.
 */
public final class DefectLensApp extends Application {
    private BackgroundTasks tasks;

    @Override
    public void start(Stage stage) {
        tasks = new BackgroundTasks();
        MainViewModel vm = new MainViewModel(tasks, RecentItems.inUserHome());
        MainWindow window = new MainWindow(vm, new ThumbnailCache(tasks.thumbnails()));
        vm.setErrorHandler((title, e) -> Dialogs.showError(stage, title, e));
        stage.setTitle("DefectLens " + defectlens.cli.VersionProvider.version());
        stage.setScene(new Scene(window, 1400, 860));
        stage.show();
        Path first = startPath(getParameters().getNamed().get("open"));
        if (first != null) {
            vm.openDataset(first);
        }
    }

    /** The path to open at start: the one asked for, else the demo data set next to the program. */
    static Path startPath(String asked) {
        if (asked != null) {
            return Path.of(asked);
        }
        for (Path p : demoCandidates()) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> demoCandidates() {
        String prop = System.getProperty("defectlens.demo");
        Path cwd = Path.of("datasets", "sem-demo");
        Path beside = cwd;
        try {
            Path jar = Path.of(DefectLensApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            beside = jar.getParent().getParent().resolve("datasets").resolve("sem-demo");
        } catch (Exception e) {
            // running from classes or an unusual class loader: the working directory is enough
        }
        return prop != null ? List.of(Path.of(prop), cwd, beside) : List.of(cwd, beside);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
