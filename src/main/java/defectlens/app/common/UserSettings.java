package defectlens.app.common;

import com.fasterxml.jackson.core.type.TypeReference;
import defectlens.core.UserFolders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The window's remembered choices (the theme), as names and values in {@code settings.json} beside
 * {@code recent.json} in the user's settings folder ({@link UserFolders#config()}). Each change is saved at once.
 */
public final class UserSettings {
    /** The key of the theme: {@code light} or {@code dark}. */
    public static final String THEME = "theme";

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    public UserSettings(Path file) {
        this.file = file;
        SettingsFiles.read(file, new TypeReference<Map<String, String>>() { }).ifPresent(values::putAll);
    }

    /** The settings of the current user ({@code -Ddefectlens.home} moves them, as every user folder). */
    public static UserSettings inUserHome() {
        return new UserSettings(UserFolders.current().config().resolve("settings.json"));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Sets and saves a value. */
    public void put(String key, String value) {
        values.put(key, value);
        SettingsFiles.write(file, values);
    }

    public Path file() {
        return file;
    }
}
