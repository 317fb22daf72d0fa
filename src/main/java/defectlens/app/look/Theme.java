package defectlens.app.look;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;

/**
 * The two looks of the window: AtlantaFX's Primer light and dark themes (GitHub's palette: neutral greys that do
 * not tint a grey SEM image, one blue accent, high contrast). The dark one is for review in dim rooms.
 */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** The AtlantaFX style sheet of this theme, to set as the application's user-agent style sheet. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    public boolean isDark() {
        return this == DARK;
    }

    /** The word used in the settings file and for {@code --theme=}: {@code light} or {@code dark}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme named {@code light} or {@code dark} (any case), or empty for anything else and null. */
    public static Optional<Theme> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Theme t : values()) {
            if (t.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
