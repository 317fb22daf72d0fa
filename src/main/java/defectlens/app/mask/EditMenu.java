package defectlens.app.mask;

import static defectlens.app.common.MenuItems.item;

import defectlens.mask.MaskTool;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The Edit menu: undo and redo of mask edits (Ctrl+Z, Ctrl+Shift+Z), edit mode (Ctrl+E), the tools with their
 * keys, brush size, and the validation queue with its verdicts. Single-letter keys are shown in the entries and
 * handled by {@link MaskKeys}, so they never fire while typing in a text field.
 */
public final class EditMenu extends Menu {
    public EditMenu(MaskEditViewModel vm, Supplier<Window> owner) {
        super("Edit");
        setId("editMenu");
        MenuItem undo = item("Undo", "Shortcut+Z", vm::undo);
        undo.textProperty().bind(vm.undoTextProperty());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", vm::redo);
        redo.textProperty().bind(vm.redoTextProperty());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        MenuItem editMode = item("Edit mask", "Shortcut+E",
                () -> vm.editingProperty().set(!vm.editingProperty().get()));
        editMode.textProperty().bind(javafx.beans.binding.Bindings.when(vm.editingProperty())
                .then("Stop editing the mask").otherwise("Edit mask"));
        getItems().addAll(undo, redo, new SeparatorMenuItem(), editMode);
        ToggleGroup tools = new ToggleGroup();
        for (MaskTool t : MaskTool.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label() + "    " + t.key());
            r.setToggleGroup(tools);
            r.setSelected(vm.toolProperty().get() == t);
            r.disableProperty().bind(vm.editingProperty().not());
            r.setOnAction(e -> vm.toolProperty().set(t));
            vm.toolProperty().addListener((o, a, now) -> r.setSelected(now == t));
            getItems().add(r);
        }
        MenuItem larger = item("Larger brush    ]", null, vm::growBrush);
        MenuItem smaller = item("Smaller brush    [", null, vm::shrinkBrush);
        larger.disableProperty().bind(vm.editingProperty().not());
        smaller.disableProperty().bind(vm.editingProperty().not());
        MenuItem accept = item("Accept mask    Enter", null, vm::accept);
        MenuItem edit = item("Edit mask    E", null, vm::edit);
        MenuItem reject = item("Reject mask    R", null, vm::reject);
        MenuItem next = item("Next candidate generator    G", null, vm::nextGenerator);
        for (MenuItem i : new MenuItem[] {accept, edit, reject, next}) {
            i.disableProperty().bind(vm.activeProperty().not());
        }
        getItems().addAll(larger, smaller, new SeparatorMenuItem(),
                queueItem(vm),
                accept, edit, reject, next,
                item("Mask output folder...", null, () -> chooseFolder(vm, owner.get())),
                item("SAM2 model for candidates...", null, () -> chooseSam2(vm, owner.get())));
    }

    private static MenuItem queueItem(MaskEditViewModel vm) {
        MenuItem q = item("Images without an accepted mask", "Shortcut+Shift+M", vm::toggleQueue);
        q.textProperty().bind(javafx.beans.binding.Bindings.when(vm.validationQueue().openProperty())
                .then("Close the validation queue").otherwise("Images without an accepted mask"));
        return q;
    }

    private static void chooseSam2(MaskEditViewModel vm, Window owner) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder of a SAM2 TorchScript export (NAME/NAME.pt, see docs/masks.md)");
        File f = dc.showDialog(owner);
        if (f != null) {
            vm.generators().useSam2Model(f.toPath());
        }
    }

    private static void chooseFolder(MaskEditViewModel vm, Window owner) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder of the validated masks (a Carinthia-S data set outside the source data set)");
        File f = dc.showDialog(owner);
        if (f != null) {
            vm.validationQueue().useOutputFolder(f.toPath());
        }
    }
}
