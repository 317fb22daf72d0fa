package defectlens;

import defectlens.core.RuntimeEnvironment;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the test JVM as {@link Main} prepares the product's ({@link RuntimeEnvironment}) before the first test
 * class loads: offline DJL and the oneDNN instruction-set cap, which only works before the first convolution of
 * the process.
 */
public final class TestEnvironment implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        RuntimeEnvironment.prepare();
    }
}
