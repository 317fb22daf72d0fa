package defectlens.core;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Sets a variable in this process's own environment, which Java cannot do: native libraries loaded later
 * (PyTorch's oneDNN and its logging) read their settings from there. The C library's {@code setenv} (POSIX) or
 * {@code _putenv_s} (Windows) is called through JNA.
 */
public final class ProcessEnvironment {
    private ProcessEnvironment() {
    }

    /** C library's environment setter (POSIX). */
    private interface PosixEnvironment extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Microsoft C runtime's environment setter. */
    private interface WindowsEnvironment extends Library {
        int _putenv_s(String name, String value);
    }

    /**
     * Sets {@code name=value} for the native code of this process.
     *
     * @throws IllegalStateException when the C library refuses
     * @throws LinkageError when JNA cannot reach the C library
     */
    public static void set(String name, String value) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        int rc = windows
                ? Native.load("msvcrt", WindowsEnvironment.class)._putenv_s(name, value)
                : Native.load("c", PosixEnvironment.class).setenv(name, value, 1);
        if (rc != 0) {
            throw new IllegalStateException("setting " + name + " failed (" + rc + ")");
        }
    }

    /** The first of the values that is set and not blank, else null. */
    static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
