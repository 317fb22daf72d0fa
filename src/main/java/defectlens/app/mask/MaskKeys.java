package defectlens.app.mask;

import defectlens.mask.MaskTool;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The single keys of the mask editor and the validation queue, handled by the main window when no text field has
 * the focus: while editing B / X / P / Shift+B / D / I pick a tool and [ / ] change the brush; while the editor or
 * the queue is active Enter accepts, E edits, R rejects and G shows the next generator's candidate.
 */
public final class MaskKeys {
    private MaskKeys() {
    }

    /** Runs the key's action; true when the key was one of the editor's. */
    public static boolean handle(MaskEditViewModel vm, KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || !vm.activeProperty().get()) {
            return false;
        }
        KeyCode k = e.getCode();
        if (vm.editingProperty().get() && toolKey(vm, k, e.isShiftDown())) {
            return true;
        }
        switch (k) {
            case ENTER -> vm.accept();
            case E -> vm.edit();
            case R -> vm.reject();
            case G -> vm.nextGenerator();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean toolKey(MaskEditViewModel vm, KeyCode k, boolean shift) {
        MaskTool t = switch (k) {
            case B -> shift ? MaskTool.FLOOD_FILL : MaskTool.BRUSH;
            case X -> MaskTool.ERASER;
            case P -> MaskTool.POLYGON;
            case D -> MaskTool.DELETE_COMPONENT;
            case I -> MaskTool.INVERT_BOX;
            case K -> MaskTool.GRABCUT_BOX;
            default -> null;
        };
        if (t != null) {
            vm.toolProperty().set(t);
            return true;
        }
        if (k == KeyCode.CLOSE_BRACKET) {
            vm.growBrush();
            return true;
        }
        if (k == KeyCode.OPEN_BRACKET) {
            vm.shrinkBrush();
            return true;
        }
        return false;
    }
}
