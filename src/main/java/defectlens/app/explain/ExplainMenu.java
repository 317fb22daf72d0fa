package defectlens.app.explain;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The main window's "Explain" menu: each method for the shown image (CAMs also with test-time
 * augmentation), the auto toggle, cancel, the compare view and the concept gallery.
 */
public final class ExplainMenu extends Menu {
    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            "gradcam", "GradCAM", "gradcam++", "GradCAM++", "hirescam", "HiResCAM", "xgradcam", "XGradCAM",
            "layercam", "LayerCAM", "eigencam", "EigenCAM", "scorecam", "ScoreCAM", "craft", "CRAFT (concepts)",
            "multilayercam", "Multi-layer CAM");

    public ExplainMenu(ExplanationViewModel vm, Runnable openCompare, Runnable openGallery) {
        super("Explain");
        setId("explainMenu");
        Menu tta = new Menu("With test-time augmentation");
        for (String m : ExplanationViewModel.METHODS) {
            MenuItem i = new MenuItem(label(m));
            i.setOnAction(e -> vm.explain(m));
            getItems().add(i);
            if (!m.equals("craft")) {
                MenuItem t = new MenuItem(label(m) + " + TTA");
                t.setOnAction(e -> vm.explain(m + "+tta"));
                tta.getItems().add(t);
            }
        }
        CheckMenuItem auto = new CheckMenuItem("Recompute on image change");
        auto.selectedProperty().bindBidirectional(vm.autoProperty());
        MenuItem cancel = new MenuItem("Cancel explanation");
        cancel.setOnAction(e -> vm.cancel());
        MenuItem compare = new MenuItem("Compare view...");
        compare.setOnAction(e -> openCompare.run());
        MenuItem gallery = new MenuItem("Concept gallery (CRAFT)...");
        gallery.setOnAction(e -> openGallery.run());
        getItems().addAll(tta, new SeparatorMenuItem(), auto, cancel, new SeparatorMenuItem(), compare, gallery);
    }

    /** The menu label of a method name. */
    public static String label(String method) {
        return LABELS.getOrDefault(method, method);
    }
}
