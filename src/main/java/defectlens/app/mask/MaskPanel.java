package defectlens.app.mask;

import defectlens.dataset.SemSample;
import defectlens.mask.MaskTool;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The mask side panel, shown while the editor or the validation queue is active: the shown image's mask state
 * (generator, who, when), the tools and brush size while editing, the verdict buttons with their keys and the
 * queue of images without an accepted mask.
 */
public final class MaskPanel extends VBox {
    public MaskPanel(MaskEditViewModel vm) {
        super(6);
        setId("maskPanel");
        ValidationQueue validationQueue = vm.validationQueue();
        setPadding(new Insets(8));
        setStyle("-fx-border-color: #3a7bd5; -fx-border-width: 0 0 1 0;");
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());

        Label title = new Label("Mask");
        title.setStyle("-fx-font-weight: bold;");
        Label state = new Label();
        state.setId("maskState");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateTextProperty());
        Label generator = new Label();
        generator.setId("maskGenerator");
        generator.textProperty().bind(Bindings.concat("Candidate generator: ", vm.generators().nameProperty(),
                "  (G: next of ", vm.generators().listProperty(), ")"));
        generator.setWrapText(true);

        FlowPane tools = new FlowPane(4, 4);
        tools.visibleProperty().bind(vm.editingProperty());
        tools.managedProperty().bind(vm.editingProperty());
        ToggleGroup group = new ToggleGroup();
        for (MaskTool t : MaskTool.values()) {
            ToggleButton b = new ToggleButton(shortName(t));
            b.setId("tool" + t.name());
            b.setTooltip(new Tooltip(t.label() + " (" + t.key() + ")"));
            b.setToggleGroup(group);
            b.setSelected(vm.toolProperty().get() == t);
            b.setOnAction(e -> vm.toolProperty().set(t));
            vm.toolProperty().addListener((o, a, now) -> b.setSelected(now == t));
            b.setFocusTraversable(false);
            tools.getChildren().add(b);
        }
        Label brush = new Label();
        brush.setId("brushSize");
        brush.textProperty().bind(Bindings.concat("Brush ", vm.brushSizeProperty().asString(), " px  ([ / ])"));
        tools.getChildren().add(brush);

        Button accept = button("Accept (Enter)", "acceptMask", vm::accept);
        Button edit = button("Edit (E)", "editMask", vm::edit);
        Button reject = button("Reject (R)", "rejectMask", vm::reject);
        Button next = button("Next candidate (G)", "nextCandidate", vm::nextGenerator);
        FlowPane verdicts = new FlowPane(4, 4, accept, edit, reject, next);

        Label queueTitle = new Label();
        queueTitle.textProperty().bind(Bindings.concat("Images without an accepted mask: ",
                Bindings.size(validationQueue.images()).asString()));
        ListView<SemSample> queue = new ListView<>(validationQueue.images());
        queue.setId("maskQueue");
        queue.setPrefHeight(180);
        queue.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SemSample s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.id() + "   " + (s.label() == null ? "" : s.label()));
            }
        });
        queue.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && s != vm.shownSample()) {
                vm.selectSample(s);
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> showSelected(vm, queue));
        validationQueue.images().addListener((javafx.collections.ListChangeListener<SemSample>) c -> showSelected(vm,
                queue));
        Label output = new Label();
        output.setWrapText(true);
        ObjectProperty<Path> outputFolder = validationQueue.outputFolderProperty();
        output.textProperty().bind(Bindings.createStringBinding(() -> outputFolder.get() == null ? ""
                : "Output: " + outputFolder.get(), outputFolder));
        VBox queueBox = new VBox(4, queueTitle, queue);
        queueBox.visibleProperty().bind(validationQueue.openProperty());
        queueBox.managedProperty().bind(validationQueue.openProperty());
        HBox head = new HBox(8, title);
        getChildren().addAll(head, state, generator, tools, verdicts, queueBox, output);
    }

    /** Selects the image shown in the window in the queue list, when it is there. */
    private static void showSelected(MaskEditViewModel vm, ListView<SemSample> queue) {
        SemSample s = vm.selectedProperty().get();
        if (s != null && vm.validationQueue().images().contains(s)
                && queue.getSelectionModel().getSelectedItem() != s) {
            queue.getSelectionModel().select(s);
            queue.scrollTo(s);
        }
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String shortName(MaskTool t) {
        return switch (t) {
            case BRUSH -> "Brush";
            case ERASER -> "Eraser";
            case POLYGON -> "Polygon";
            case FLOOD_FILL -> "Fill";
            case DELETE_COMPONENT -> "Delete";
            case INVERT_BOX -> "Invert";
            case GRABCUT_BOX -> "GrabCut box";
        };
    }
}
