package defectlens.app.common;

import java.util.Objects;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key shown beside a menu item that the menu must not fire itself: the viewer's single keys (F, 1, +/-, M) act
 * only while their tab is in front and never while a text field has the focus, so the tab handles them and the
 * menu only shows them. It never matches a key event.
 */
public final class KeyHint extends KeyCombination {
    private final String text;

    public KeyHint(String text) {
        this.text = Objects.requireNonNull(text);
    }

    @Override
    public boolean match(KeyEvent event) {
        return false;
    }

    @Override
    public String getName() {
        return text;
    }

    @Override
    public String getDisplayText() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyHint k && k.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + 7;
    }
}
