package defectlens.app.common;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** Menu items as every menu of the window makes them: a text, an optional accelerator, an action. */
public final class MenuItems {
    private MenuItems() {
    }

    /** An item that runs {@code action}; {@code accelerator} as {@link KeyCombination#keyCombination}, or null. */
    public static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** An item that runs {@code action} and shows {@code key}, which the window handles itself ({@link KeyHint}). */
    public static MenuItem keyItem(String text, String key, Runnable action) {
        MenuItem i = item(text, null, action);
        i.setAccelerator(new KeyHint(key));
        return i;
    }
}
