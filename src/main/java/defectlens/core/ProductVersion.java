package defectlens.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version that Maven writes into {@code defectlens/version.properties}. */
public final class ProductVersion {
    private ProductVersion() {
    }

    /** The version, or {@code unknown} when the build wrote none. */
    public static String version() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/defectlens/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
