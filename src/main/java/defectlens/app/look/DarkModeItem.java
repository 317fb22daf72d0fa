package defectlens.app.look;

import defectlens.app.common.UserSettings;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/**
 * View > Dark mode: a check item that follows the theme in use and switches it ({@link #ACCELERATOR}); the choice
 * is remembered in the user settings for the next start.
 */
public final class DarkModeItem {
    /** Ctrl+Shift+D (Cmd on macOS). */
    public static final String ACCELERATOR = "Shortcut+Shift+D";

    private DarkModeItem() {
    }

    /** The item; {@code settings} is asked for the store at each switch. */
    public static CheckMenuItem create(Supplier<UserSettings> settings) {
        CheckMenuItem item = new CheckMenuItem("Dark mode");
        item.setId("darkMode");
        item.setAccelerator(KeyCombination.keyCombination(ACCELERATOR));
        item.setGraphic(Icons.icon(Feather.MOON));
        item.setSelected(Appearance.theme().isDark());
        Appearance.themeProperty().addListener((o, a, t) -> item.setSelected(t.isDark()));
        item.setOnAction(e -> {
            Appearance.toggle(settings.get());
            item.setSelected(Appearance.theme().isDark());
        });
        return item;
    }
}
