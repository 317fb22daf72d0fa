package defectlens.app.review;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Puts a review desk into a tab of the window: the tab's browser and the {@link ReviewPanel} as two tabs of its
 * left column, the desk's keys caught before the viewer sees them while the review tab is in front, the confusion
 * matrix of the review in place of the browser's while a review is open, and the small dialogs (folder,
 * reviewer name, note).
 */
public final class ReviewDesk {
    private final ReviewViewModel vm;
    private final TabPane left = new TabPane();
    private final Tab reviewTab;
    private final VBox matrix = new VBox();

    /**
     * @param browser the tab's browser (first tab of the left column)
     * @param browserMatrix the browser's confusion matrix, shown while no review is open
     */
    public ReviewDesk(ReviewViewModel vm, String idPrefix, Node browser, Node browserMatrix) {
        this.vm = vm;
        Tab browse = new Tab("Browse", browser);
        reviewTab = new Tab("Review", new ReviewPanel(vm, idPrefix));
        reviewTab.setId(idPrefix + "ReviewTab");
        left.getTabs().addAll(browse, reviewTab);
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setId(idPrefix + "LeftTabs");
        ConfusionMatrixView reviewMatrix = new ConfusionMatrixView(vm.confusion());
        reviewMatrix.setId(idPrefix + "ReviewConfusion");
        matrix.getChildren().setAll(browserMatrix);
        vm.sessionProperty().addListener((o, a, s) -> {
            matrix.getChildren().setAll(s == null ? browserMatrix : reviewMatrix);
            if (s != null) {
                left.getSelectionModel().select(reviewTab);
            }
        });
    }

    /** The left column: browser and review desk as tabs. */
    public TabPane left() {
        return left;
    }

    /** The confusion matrix of the open review, else the browser's. */
    public VBox matrix() {
        return matrix;
    }

    /** True while a review is open and its tab is in front. */
    public boolean active() {
        return vm.sessionProperty().get() != null && left.getSelectionModel().getSelectedItem() == reviewTab;
    }

    /** Catches the desk's keys in {@code area} (the tab's content) while the desk is active and {@code also}. */
    public void catchKeys(Node area, BooleanSupplier also) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!active() || !also.getAsBoolean() || e.getTarget() instanceof TextInputControl
                    || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (DecisionKeys.handle(e.getCode(), vm, () -> askNote(area.getScene().getWindow()))) {
                e.consume();
            }
        });
    }

    private void askNote(Window owner) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner);
        d.setTitle("Note");
        d.setHeaderText("A note on this item (kept with its decision)");
        d.getEditor().setId("noteText");
        d.showAndWait().ifPresent(vm.decisions()::note);
    }

    /** Asks for a review folder; null when cancelled. */
    public static Path chooseFolder(Window owner, String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        File f = dc.showDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Asks for the reviewer's name (letters, digits, '.', '_', '-'), proposing the login name. */
    public static Optional<String> askReviewer(Window owner) {
        TextInputDialog d = new TextInputDialog(loginName());
        d.initOwner(owner);
        d.setTitle("Reviewer");
        d.setHeaderText("Who reviews? (letters, digits, '.', '_', '-'; one decisions journal per reviewer)");
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The login name made a valid reviewer name (other characters become '_'), or "reviewer". */
    public static String loginName() {
        String login = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return login.isEmpty() ? "reviewer" : login.substring(0, Math.min(64, login.length()));
    }

    public ReviewViewModel viewModel() {
        return vm;
    }
}
