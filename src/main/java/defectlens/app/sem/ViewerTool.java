package defectlens.app.sem;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

/**
 * Something the primary mouse button does in the {@link ImageViewer} instead of panning (the mask editor's brush,
 * polygon, fill): it hears presses, drags and releases in image coordinates (fractional pixels) and may draw a
 * preview node in image coordinates above the overlay layers. Space + drag and the middle button still pan.
 */
public interface ViewerTool {
    void pressed(double x, double y, MouseEvent e);

    void dragged(double x, double y, MouseEvent e);

    void released(double x, double y, MouseEvent e);

    /** The pointer moved without a button at (x, y). */
    void moved(double x, double y);

    /** The preview drawn in image coordinates (a brush outline, the polygon so far). */
    Node preview();
}
