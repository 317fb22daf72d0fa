package defectlens.app.look;

import defectlens.app.common.UserSettings;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The theme of the whole program. JavaFX has one user-agent style sheet per application, so the theme is global:
 * {@link #apply} sets AtlantaFX's style sheet of the theme and adds DefectLens's own one ({@code defectlens.css}:
 * the muted texts, the selection, the viewer's background, in AtlantaFX's looked-up colours so that it reads well
 * in both themes) to the scene of every window that opens, dialogs included. Call it on the FX thread.
 */
public final class Appearance {
    /** DefectLens's own style sheet, on top of the theme's. */
    public static final String STYLESHEET = Objects.requireNonNull(
            Appearance.class.getResource("defectlens.css"), "defectlens.css").toExternalForm();
    private static final String STYLED = "defectlens.styled";
    private static final ReadOnlyObjectWrapper<Theme> THEME = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private static final ListChangeListener<Window> OPENED = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(Appearance::watch);
        }
    };
    private static boolean watching;

    private Appearance() {
    }

    /** The theme in use; views that draw their own pixels listen to it. */
    public static ReadOnlyObjectProperty<Theme> themeProperty() {
        return THEME.getReadOnlyProperty();
    }

    public static Theme theme() {
        return THEME.get();
    }

    /** Switches the whole program to a theme: every open window restyles at once. */
    public static void apply(Theme theme) {
        watchWindows();
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        THEME.set(theme);
    }

    /**
     * The theme to start with: the one asked for by {@code --theme=} (not remembered), else the remembered one,
     * else light. An unknown {@code --theme=} value is reported on stderr and ignored.
     */
    public static Theme atStart(String asked, UserSettings settings) {
        if (asked != null && Theme.parse(asked).isEmpty()) {
            System.err.println("error: --theme=" + asked + ": use light or dark (starting with the remembered theme)");
        }
        return Theme.parse(asked).or(() -> settings.get(UserSettings.THEME).flatMap(Theme::parse))
                .orElse(Theme.LIGHT);
    }

    /** Switches to the other theme and remembers it for the next start. */
    public static void toggle(UserSettings settings) {
        Theme next = theme().isDark() ? Theme.LIGHT : Theme.DARK;
        apply(next);
        settings.put(UserSettings.THEME, next.key());
    }

    /** Adds DefectLens's style sheet to a scene (once). */
    public static void style(Scene scene) {
        if (scene != null && !scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    private static void watchWindows() {
        if (watching) {
            return;
        }
        watching = true;
        Window.getWindows().forEach(Appearance::watch);
        Window.getWindows().addListener(OPENED);
    }

    /**
     * Back to JavaFX's own look (Modena, no DefectLens style sheet on the open windows): for tests that share one
     * JavaFX runtime with tests of other views.
     */
    public static void clear() {
        Window.getWindows().removeListener(OPENED);
        watching = false;
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                w.getScene().getStylesheets().remove(STYLESHEET);
            }
        }
        Application.setUserAgentStylesheet(null);
        THEME.set(Theme.LIGHT);
    }

    private static void watch(Window w) {
        style(w.getScene());
        if (w.getProperties().putIfAbsent(STYLED, Boolean.TRUE) == null) {
            w.sceneProperty().addListener((o, a, s) -> {
                if (watching) {
                    style(s);
                }
            });
        }
    }
}
