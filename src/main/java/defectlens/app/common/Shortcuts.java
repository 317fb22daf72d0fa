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
            new String[] {"Ctrl+W", "Open wafer maps (WM-811K pickle)"},
            new String[] {"Ctrl+K / Ctrl+Shift+K", "Classify the shown image / the whole data set"},
            new String[] {"Up / Down", "Previous / next image in the browser"},
            new String[] {"Ctrl+F", "Search by file name"},
            new String[] {"Mouse wheel", "Zoom towards the cursor"},
            new String[] {"Drag, or Space + drag", "Pan"},
            new String[] {"F", "Fit image to window"},
            new String[] {"1", "Actual size (1:1)"},
            new String[] {"+ / -", "Zoom in / out"},
            new String[] {"M", "Show / hide the ground-truth mask"},
            new String[] {"Ctrl+Shift+R / Ctrl+R", "New review / open review"},
            new String[] {"A, 1..9, U, N, Z", "Review desk (its tab in front): accept, relabel, unsure, note, undo"},
            new String[] {"PgDn / PgUp", "Review desk: next / previous item of the queue (1 then relabels)"},
            new String[] {"Ctrl+E", "Edit the mask (edit mode on / off)"},
            new String[] {"B / X / P / Shift+B / D / I", "Mask tools: brush, eraser, polygon or lasso, flood fill,"
                    + " delete component, invert box"},
            new String[] {"[ / ]", "Smaller / larger brush"},
            new String[] {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo a mask edit"},
            new String[] {"Ctrl+Shift+M", "Images without an accepted mask (validation queue)"},
            new String[] {"Enter / E / R / G", "Accept / edit / reject the mask, next candidate generator"},
            new String[] {"Esc", "Cancel loading, or a polygon or box being drawn"},
            new String[] {"Ctrl+Shift+D", "Dark mode on / off (remembered)"},
            new String[] {"F1", "This list"},
            new String[] {"Ctrl+Q", "Quit"});
}
