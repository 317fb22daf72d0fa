package defectlens.app;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The main window's layout: menus, browser | viewer | info panel, status bar with progress and cancel. */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final ImageViewer viewer = new ImageViewer();
    private final DatasetBrowserView browser;
    private final Menu recentMenu = new Menu("Open recent");

    public MainWindow(MainViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.browser = new DatasetBrowserView(vm, thumbnails);
        viewer.setId("viewer");
        viewer.imageProperty().bind(vm.imageProperty());
        javafx.beans.binding.Bindings.bindContent(viewer.layers(), vm.layers());
        InfoPanel info = new InfoPanel(vm);
        info.setId("infoPanel");

        SplitPane split = new SplitPane(browser, viewer, new javafx.scene.control.ScrollPane(info));
        split.setDividerPositions(0.2, 0.78);
        SplitPane.setResizableWithParent(browser, false);
        setTop(menus());
        setCenter(split);
        setBottom(statusBar());
        vm.recentItems().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
            } else if (e.getCode() == KeyCode.M && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                vm.toggleMask();
            }
        });
    }

    private MenuBar menus() {
        MenuItem openImage = item("Open image...", "Shortcut+O", () -> chooseFile(false));
        MenuItem openFolder = item("Open folder...", "Shortcut+Shift+O", this::chooseFolder);
        MenuItem openDataset = item("Open data set...", "Shortcut+D", () -> chooseFile(true));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, openImage, openFolder, openDataset, recentMenu, new SeparatorMenuItem(), quit);
        Menu view = new Menu("View", null,
                item("Fit to window", null, viewer::fit),
                item("Actual size (1:1)", null, viewer::actualSize),
                item("Zoom in", null, () -> viewer.zoomAt(viewer.getWidth() / 2, viewer.getHeight() / 2, 1.25)),
                item("Zoom out", null, () -> viewer.zoomAt(viewer.getWidth() / 2, viewer.getHeight() / 2, 0.8)),
                item("Show / hide mask", null, vm::toggleMask),
                item("Search file name", "Shortcut+F", () -> lookup("#search").requestFocus()));
        Menu help = new Menu("Help", null,
                item("Keyboard shortcuts", "F1", () -> Dialogs.showShortcuts(getScene().getWindow())));
        return new MenuBar(file, view, help);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentItems()) {
            recentMenu.getItems().add(item(p.toString(), null, () -> vm.openDataset(p)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseFile(boolean dataset) {
        FileChooser fc = new FileChooser();
        if (dataset) {
            fc.setTitle("Open data set: data/carinthia.csv or data/carinthia-s.csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Carinthia CSV", "*.csv"));
        } else {
            fc.setTitle("Open SEM image");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff"));
        }
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.openDataset(f.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of class sub-folders or a Carinthia folder");
        File f = dc.showDialog(getScene().getWindow());
        if (f != null) {
            vm.openDataset(f.toPath());
        }
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Label cursor = new Label();
        cursor.setId("cursorInfo");
        cursor.textProperty().bind(viewer.cursorTextProperty());
        Label zoom = new Label();
        zoom.textProperty().bind(viewer.zoomProperty().multiply(100).asString("%.0f %%"));
        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar0 = new HBox(12, status, spring, cursor, zoom, bar, cancel);
        bar0.setPadding(new Insets(4, 8, 4, 8));
        bar0.setStyle("-fx-background-color: #eceff1;");
        return bar0;
    }

    public ImageViewer viewer() {
        return viewer;
    }

    public DatasetBrowserView browser() {
        return browser;
    }
}
