package defectlens.app;

import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.common.ShippedFiles;
import defectlens.app.common.UserSettings;
import defectlens.app.look.Appearance;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The workbench window. Opens the path given on the command line ({@code --open=PATH}) or else the
 * shipped demo data set, so the first start shows something real. {@code --screenshot=FILE.png} writes the
 * window as PNG after a few seconds and closes it (the installer smoke test, {@link StartScreenshot}).
 * {@code --theme=light|dark} starts in that theme without remembering it (else the remembered one, View > Dark mode);
 * {@code --window=maximized} fills the screen (as it does anyway on a screen smaller than the default size).
 */
public final class DefectLensApp extends Application {
    private FxTaskExecutor tasks;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Appearance.apply(Appearance.atStart(getParameters().getNamed().get("theme"), UserSettings.inUserHome()));
        tasks = new FxTaskExecutor();
        tasks.setErrorHandler((title, e) -> Dialogs.showError(Dialogs.activeWindow(stage), title, e));
        MainViewModel vm = new MainViewModel(tasks, RecentItems.inUserHome());
        WaferViewModel wafers = new WaferViewModel(tasks);
        window = new MainWindow(vm, wafers, new ThumbnailCache(tasks));
        stage.setTitle("DefectLens " + defectlens.core.ProductVersion.version());
        // 1400 x 860, or the whole screen where that does not fit (a 1280 x 720 laptop) or --window=maximized
        // (sized to the screen as well, for desktops without a window manager that maximises, e.g. Xvfb)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        boolean maximized = "maximized".equals(getParameters().getNamed().get("window"));
        stage.setScene(new Scene(window, maximized ? screen.getWidth() : Math.min(1400, screen.getWidth()),
                maximized ? screen.getHeight() : Math.min(860, screen.getHeight())));
        stage.setMaximized(maximized || screen.getWidth() <= 1400 || screen.getHeight() <= 860);
        stage.show();
        Path first = startPath(getParameters().getNamed().get("open"), DEMO_SEM);
        if (first != null) {
            vm.openDataset(first);
        }
        ShippedFiles.find("models/sem-demo").ifPresent(vm::openModel);
        ShippedFiles.find("models/wafer-proposed-paper7").map(Path::getParent)
                .ifPresent(wafers.side()::useShippedModels);
        Path waferFile = startPath(getParameters().getNamed().get("wafers"), DEMO_WAFERS);
        if (waferFile != null) {
            wafers.open(waferFile);
        }
        String review = getParameters().getNamed().get("review");
        if (review != null) {
            window.openReview(Path.of(review), getParameters().getNamed().getOrDefault("reviewer",
                    defectlens.app.review.ReviewDesk.loginName()));
        }
        String shot = getParameters().getNamed().get("screenshot");
        if (shot != null) {
            StartScreenshot.schedule(stage, Path.of(shot), getParameters().getNamed().get("screenshot-delay"));
        }
    }

    static final String DEMO_SEM = "datasets/sem-demo";
    static final String DEMO_WAFERS = "datasets/wm811k/LSWMD_sample.pkl";

    /** The path to open at start: the one asked for, else the shipped demo next to the program. */
    static Path startPath(String asked, String demo) {
        return asked != null ? Path.of(asked) : ShippedFiles.find(demo).orElse(null);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.closeReviews();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        if (window != null) {
            window.masks().close();
        }
    }
}
