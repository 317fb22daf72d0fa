package defectlens.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where DefectLens keeps what it writes for a user, where each operating system expects it:
 * <ul>
 *   <li>Linux (XDG): data in {@code $XDG_DATA_HOME/defectlens} (else {@code ~/.local/share/defectlens}),
 *       settings in {@code $XDG_CONFIG_HOME/defectlens} (else {@code ~/.config/defectlens}), caches in
 *       {@code $XDG_CACHE_HOME/defectlens} (else {@code ~/.cache/defectlens});</li>
 *   <li>Windows: data and settings in {@code %APPDATA%\DefectLens}, caches in {@code %LOCALAPPDATA%\DefectLens\Cache};</li>
 *   <li>macOS: data and settings in {@code ~/Library/Application Support/DefectLens}, caches in
 *       {@code ~/Library/Caches/DefectLens}.</li>
 * </ul>
 * The system property {@code defectlens.home} puts all three under one folder (data, config, cache); the property
 * {@code defectlens.cache} still names the cache base on its own. Earlier versions kept everything in
 * {@code ~/.defectlens}; {@link #moveLegacyFolder()} moves its contents once.
 */
public final class UserFolders {
    private static final String LEGACY = ".defectlens";
    private final Path data;
    private final Path config;
    private final Path cache;

    private UserFolders(Path data, Path config, Path cache) {
        this.data = data;
        this.config = config;
        this.cache = cache;
    }

    /** The folders of this user on this machine (system properties and environment of this process). */
    public static UserFolders current() {
        return of(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv(),
                System.getProperty("defectlens.home"));
    }

    /**
     * The folders for an operating system name, a home folder and an environment (tests give their own).
     *
     * @param home the override of {@code -Ddefectlens.home}, or null
     */
    public static UserFolders of(String osName, String userHome, Map<String, String> env, String home) {
        if (home != null && !home.isBlank()) {
            Path h = Path.of(home);
            return new UserFolders(h.resolve("data"), h.resolve("config"), h.resolve("cache"));
        }
        Path user = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA").orElse(user.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA").orElse(user.resolve("AppData").resolve("Local"));
            Path app = roaming.resolve("DefectLens");
            return new UserFolders(app, app, local.resolve("DefectLens").resolve("Cache"));
        }
        if (os.startsWith("mac")) {
            Path app = user.resolve("Library").resolve("Application Support").resolve("DefectLens");
            return new UserFolders(app, app, user.resolve("Library").resolve("Caches").resolve("DefectLens"));
        }
        return new UserFolders(
                envPath(env, "XDG_DATA_HOME").orElse(user.resolve(".local").resolve("share")).resolve("defectlens"),
                envPath(env, "XDG_CONFIG_HOME").orElse(user.resolve(".config")).resolve("defectlens"),
                envPath(env, "XDG_CACHE_HOME").orElse(user.resolve(".cache")).resolve("defectlens"));
    }

    private static Optional<Path> envPath(Map<String, String> env, String name) {
        String v = env.get(name);
        // XDG: a relative value is invalid and must be ignored.
        return v == null || v.isBlank() || !Path.of(v).isAbsolute() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /** Data the user made and keeps (concept banks). */
    public Path data() {
        return data;
    }

    /** Settings (recent files). */
    public Path config() {
        return config;
    }

    /** What can be recomputed (cached predictions); the property {@code defectlens.cache} overrides it. */
    public Path cache() {
        return cache;
    }

    /**
     * Moves the contents of {@code ~/.defectlens} of an earlier version into the new folders, once: the settings
     * file {@code recent.json} into {@link #config()}, everything else into {@link #data()}. An entry whose target
     * exists is left where it is (nothing is overwritten); the old folder is removed when it ends up empty.
     *
     * @return the number of entries moved
     */
    public int moveLegacyFolder(Path userHome) throws IOException {
        Path legacy = userHome.resolve(LEGACY);
        if (!Files.isDirectory(legacy) || Files.isSymbolicLink(legacy)) {
            return 0;
        }
        int moved = 0;
        try (var entries = Files.list(legacy)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String name = e.getFileName().toString();
                Path target = ("recent.json".equals(name) ? config : data).resolve(name);
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                // A rename; across file systems a folder with contents cannot move and the error is reported.
                Files.move(e, target);
                moved++;
            }
        }
        try (var rest = Files.list(legacy)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(legacy);
            }
        }
        return moved;
    }

    /** Moves {@code ~/.defectlens} once, for the current user; a failure is reported, never fatal. */
    public static String moveLegacyFolderOfCurrentUser() {
        UserFolders f = current();
        if (System.getProperty("defectlens.home") != null) {
            return null;
        }
        try {
            int n = f.moveLegacyFolder(Path.of(System.getProperty("user.home", ".")));
            return n == 0 ? null : "moved " + n + " entries of ~/" + LEGACY + " to " + f.data() + " and " + f.config();
        } catch (IOException e) {
            return "could not move ~/" + LEGACY + " to " + f.data() + ": " + e.getMessage();
        }
    }
}
