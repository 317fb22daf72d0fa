package defectlens.app;

import defectlens.core.RuntimeEnvironment;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the JavaFX application from the class path. A main class that itself extends
 * {@link Application} fails there with "JavaFX runtime components are missing", hence this class.
 * Started from the class path ({@code java -jar}), JavaFX warns "Unsupported JavaFX configuration: classes were
 * loaded from 'unnamed module'" at every start; the installed program puts JavaFX on the module path and has no
 * such warning, the jar keeps this one message (and only it) out of the console.
 */
public final class Launcher {
    /** Held so that the filter stays on the logger (java.util.logging keeps loggers weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment.prepare();
        if (!Application.class.getModule().isNamed()) {
            JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                    || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        }
        Application.launch(DefectLensApp.class, args);
    }
}
