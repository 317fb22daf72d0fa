package defectlens.app.common;

import defectlens.core.DefectLensException;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The window's dialogs: errors that name the file and the problem, and the shortcut list. */
public final class Dialogs {
    private Dialogs() {
    }

    /** The one-line message a user sees for an error: DefectLensExceptions as they are, others with their type. */
    public static String messageOf(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof DefectLensException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The window the user works in (the focused one, e.g. the training dialog), else {@code fallback}. */
    public static Window activeWindow(Window fallback) {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(fallback);
    }

    public static void showError(Window owner, String title, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("DefectLens");
        a.setHeaderText(title);
        Label text = new Label(messageOf(e));
        text.setWrapText(true);
        text.setMaxWidth(520);
        a.getDialogPane().setContent(text);
        a.show();
    }

    public static void showShortcuts(Window owner) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(1);
        int r = 0;
        for (String[] s : Shortcuts.ALL) {
            Label k = new Label(s[0]);
            k.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            // keys whole; a long description wraps, so that the list fits a 1280 x 720 screen
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label what = new Label(s[1]);
            what.setWrapText(true);
            what.setMaxWidth(540);
            g.addRow(r++, k, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText(null);
        a.setGraphic(null);
        a.getDialogPane().setContent(g);
        a.getDialogPane().setPrefWidth(780);
        a.show();
    }
}
