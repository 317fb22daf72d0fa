package defectlens.app.look;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The icons of the menu items a reviewer uses most, given by the start of the item's text, so that the menus keep
 * being built where they are and only gain a picture here. An item that already has one keeps it.
 */
public final class MenuIcons {
    /** Text prefix of an item -> its icon (the first prefix that matches wins). */
    static final Map<String, Ikon> ICONS = new LinkedHashMap<>();

    static {
        ICONS.put("Open image", Feather.IMAGE);
        ICONS.put("Open folder", Feather.FOLDER);
        ICONS.put("Open data set", Feather.DATABASE);
        ICONS.put("Open wafer maps", Feather.DISC);
        ICONS.put("Open recent", Feather.CLOCK);
        ICONS.put("New review", Feather.CHECK_SQUARE);
        ICONS.put("Open review", Feather.CLIPBOARD);
        ICONS.put("Quit", Feather.LOG_OUT);
        ICONS.put("Undo", Feather.ROTATE_CCW);
        ICONS.put("Redo", Feather.ROTATE_CW);
        ICONS.put("Edit mask", Feather.EDIT_2);
        ICONS.put("Accept mask", Feather.CHECK);
        ICONS.put("Reject mask", Feather.X);
        ICONS.put("Images without an accepted mask", Feather.LIST);
        ICONS.put("Fit to window", Feather.MAXIMIZE);
        ICONS.put("Zoom in", Feather.ZOOM_IN);
        ICONS.put("Zoom out", Feather.ZOOM_OUT);
        ICONS.put("Show / hide mask", Feather.LAYERS);
        ICONS.put("Search file name", Feather.SEARCH);
        ICONS.put("Open model", Feather.BOX);
        ICONS.put("Classify", Feather.CPU);
        ICONS.put("Train", Feather.ACTIVITY);
        ICONS.put("Cancel explanation", Feather.X_CIRCLE);
        ICONS.put("Compare view", Feather.COLUMNS);
        ICONS.put("Concept gallery", Feather.GRID);
        ICONS.put("Rate a study", Feather.STAR);
        ICONS.put("Keyboard shortcuts", Feather.COMMAND);
    }

    private MenuIcons() {
    }

    /** Puts the icons on the bar's items (sub-menus included) and returns the bar. */
    public static MenuBar decorate(MenuBar bar) {
        bar.getMenus().forEach(m -> m.getItems().forEach(MenuIcons::decorate));
        return bar;
    }

    private static void decorate(MenuItem item) {
        if (item.getGraphic() == null && item.getText() != null) {
            ICONS.entrySet().stream().filter(e -> item.getText().startsWith(e.getKey())).findFirst()
                    .ifPresent(e -> item.setGraphic(Icons.icon(e.getValue())));
        }
        if (item instanceof Menu m) {
            m.getItems().forEach(MenuIcons::decorate);
        }
    }
}
