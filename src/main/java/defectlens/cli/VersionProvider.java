package defectlens.cli;

import defectlens.core.ProductVersion;
import picocli.CommandLine;

/** What {@code --version} prints: the product version ({@link ProductVersion}) and the Java version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"DefectLens " + ProductVersion.version(), "Java " + System.getProperty("java.version")};
    }
}
