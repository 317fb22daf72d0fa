package defectlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the product version that Maven writes into {@code defectlens/version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/defectlens/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"DefectLens " + version(), "Java " + System.getProperty("java.version")};
    }
}
