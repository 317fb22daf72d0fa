package defectlens.app.explain;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the explanation windows next to the main window: the compare view (recomputed for the shown
 * image each time it opens) and the CRAFT concept gallery, one of each, brought to the front when
 * already open.
 */
public final class ExplanationWindows {
    private final ExplanationViewModel explanations;
    private final CompareViewModel compare;
    private final ConceptGalleryViewModel gallery;
    private Stage compareStage;
    private Stage galleryStage;
    private CompareView compareView;
    private ConceptGalleryView galleryView;

    public ExplanationWindows(ExplanationViewModel explanations) {
        this.explanations = explanations;
        this.compare = new CompareViewModel(explanations);
        this.gallery = new ConceptGalleryViewModel(explanations);
    }

    /** Shows the compare view and computes its panes for the shown image. */
    public void openCompare(Window owner) {
        if (compareStage == null) {
            compareView = new CompareView(compare);
            compareStage = stage(owner, "Compare explanations", new Scene(compareView, 1300, 480));
        }
        compareStage.show();
        compareStage.toFront();
        compare.refresh();
    }

    /** Shows the concept gallery. */
    public void openGallery(Window owner) {
        if (galleryStage == null) {
            galleryView = new ConceptGalleryView(gallery);
            galleryStage = stage(owner, "CRAFT concept gallery", new Scene(galleryView, 900, 700));
        }
        galleryStage.show();
        galleryStage.toFront();
    }

    private static Stage stage(Window owner, String title, Scene scene) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(title);
        s.setScene(scene);
        return s;
    }

    public ExplanationViewModel explanations() {
        return explanations;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public ConceptGalleryViewModel gallery() {
        return gallery;
    }

    /** The compare view, once opened. */
    public CompareView compareView() {
        return compareView;
    }

    /** The gallery view, once opened. */
    public ConceptGalleryView galleryView() {
        return galleryView;
    }
}
