package defectlens.image;

/** Loads the OpenCV native library shipped in {@code org.openpnp:opencv} once per JVM. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
