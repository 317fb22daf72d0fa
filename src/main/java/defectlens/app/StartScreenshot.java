package defectlens.app;

import defectlens.app.study.PngSnapshot;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window started with {@code --screenshot=FILE.png}: after a delay (default 10 s, or
 * {@code --screenshot-delay=SECONDS}) that lets the demo data, the thumbnails and the models load, the scene is
 * written as PNG and the program ends. The installer's smoke test starts the installed launcher this way under
 * Xvfb; a user can use it to document a window state.
 */
final class StartScreenshot {
    private static final double DEFAULT_DELAY_S = 10;

    private StartScreenshot() {
    }

    static void schedule(Stage stage, Path file, String delaySeconds) {
        PauseTransition wait = new PauseTransition(Duration.seconds(delay(delaySeconds)));
        wait.setOnFinished(e -> {
            try {
                PngSnapshot.write(stage.getScene().getRoot(), file);
                System.out.println("screenshot written: " + file.toAbsolutePath());
            } catch (RuntimeException ex) {
                System.err.println("error: " + file + ": cannot write the screenshot: " + ex.getMessage());
            }
            Platform.exit();
        });
        wait.play();
    }

    static double delay(String seconds) {
        if (seconds == null) {
            return DEFAULT_DELAY_S;
        }
        try {
            double d = Double.parseDouble(seconds);
            return Double.isFinite(d) && d >= 0 && d <= 600 ? d : DEFAULT_DELAY_S;
        } catch (NumberFormatException e) {
            return DEFAULT_DELAY_S;
        }
    }
}
