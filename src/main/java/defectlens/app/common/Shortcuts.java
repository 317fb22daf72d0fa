package defectlens.app.common;

import java.util.List;

/** The keyboard shortcuts of the window, listed once for the menus and the Help dialog. */
public final class Shortcuts {
    private Shortcuts() {
    }

    /** (keys, what they do). */
    public static final List<String[]> ALL = List.of(
            new String[] {"Ctrl+O", "Open image"},
            new String[] {"Ctrl+Shift+O", "Open folder (class sub-folders)"},
            new String[] {"Ctrl+D", "Open data set (Carinthia / Carinthia-S CSV)"},
            new String[] {"Up / Down", "Previous / next image in the browser"},
            new String[] {"Ctrl+F", "Search by file name"},
            new String[] {"Mouse wheel", "Zoom towards the cursor"},
            new String[] {"Drag, or Space + drag", "Pan"},
            new String[] {"F", "Fit image to window"},
            new String[] {"1", "Actual size (1:1)"},
            new String[] {"+ / -", "Zoom in / out"},
            new String[] {"M", "Show / hide the ground-truth mask"},
            new String[] {"Esc", "Cancel loading"},
            new String[] {"Ctrl+Shift+R / Ctrl+R", "New review / open review"},
            new String[] {"A, 1..9, U, N, Z", "Review desk (its tab in front): accept, relabel, unsure, note, undo"},
            new String[] {"PgDn / PgUp", "Review desk: next / previous item of the queue (1 then relabels)"},
            new String[] {"F1", "This list"});
}
