package defectlens.app;

import defectlens.core.RuntimeEnvironment;
import javafx.application.Application;

/**
 * Starts the JavaFX application from the class path. A main class that itself extends
 * {@link Application} fails there with "JavaFX runtime components are missing", hence this class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment.prepare();
        Application.launch(DefectLensApp.class, args);
    }
}
