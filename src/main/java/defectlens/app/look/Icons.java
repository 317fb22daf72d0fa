package defectlens.app.look;

import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The icons of the main actions, from the Feather pack (Ikonli): thin line icons that match the Primer themes.
 * An icon is a font glyph whose colour follows the theme's text colour ({@code defectlens.css}).
 */
public final class Icons {
    private Icons() {
    }

    /** A new icon node (a node has one parent: one icon per control). */
    public static FontIcon icon(Ikon ikon) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add("action-icon");
        return i;
    }

    /** Puts an icon on a button or label and returns it. */
    public static <T extends Labeled> T on(T control, Ikon ikon) {
        control.setGraphic(icon(ikon));
        return control;
    }

    /** Puts an icon on a menu item and returns it. */
    public static <T extends MenuItem> T on(T item, Ikon ikon) {
        item.setGraphic(icon(ikon));
        return item;
    }
}
