package defectlens.core;

/**
 * What every entry point (the CLI, the window, the tests) sets before anything touches DJL or OpenCV: offline
 * DJL so the engine never downloads, oneDNN kept to kernels that compute right ({@link OneDnnIsaCap}), quiet
 * OpenCV.
 */
public final class RuntimeEnvironment {
    private RuntimeEnvironment() {
    }

    /** Offline DJL, the oneDNN cap, quiet OpenCV; called by every entry point. */
    public static void prepare() {
        System.setProperty("ai.djl.offline", "true");
        OneDnnIsaCap.apply();
        if (System.getProperty("OPENCV_LOG_LEVEL") == null) {
            System.setProperty("OPENCV_LOG_LEVEL", "ERROR");
        }
    }
}
