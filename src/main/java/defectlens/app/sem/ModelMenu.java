package defectlens.app.sem;

import defectlens.app.common.MainViewModel;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The "Model" menu of the main window: open a SEM model bundle, classify the shown image or the whole
 * data set with it, and train a new model on the open data set.
 */
public final class ModelMenu extends Menu {
    private final MainViewModel vm;
    private final Supplier<Window> owner;

    public ModelMenu(MainViewModel vm, ClassificationViewModel classification, Supplier<Window> owner) {
        super("Model");
        setId("modelMenu");
        this.vm = vm;
        this.owner = owner;
        MenuItem open = item("Open model...", null, this::chooseModel);
        MenuItem image = item("Classify image", "Shortcut+K", classification::classifySelected);
        image.disableProperty().bind(classification.canClassifyBinding().not().or(vm.selectedProperty().isNull()));
        MenuItem all = item("Classify data set", "Shortcut+Shift+K", classification::classifyDataset);
        all.disableProperty().bind(classification.canClassifyBinding().not());
        MenuItem train = item("Train...", null, this::train);
        train.disableProperty().bind(vm.datasetProperty().isNull());
        getItems().addAll(open, new SeparatorMenuItem(), image, all, new SeparatorMenuItem(), train);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void chooseModel() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a model bundle folder (model.json + weights)");
        File f = dc.showDialog(owner.get());
        if (f != null) {
            vm.openModel(f.toPath());
        }
    }

    private void train() {
        TrainingDialog.show(owner.get(), new TrainingViewModel(vm));
    }
}
