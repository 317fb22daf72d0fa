package defectlens.app;

import static defectlens.app.common.MenuItems.item;
import static defectlens.app.common.MenuItems.keyItem;

import defectlens.app.common.Dialogs;
import defectlens.app.common.LoadedModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.StatusBar;
import defectlens.app.common.UserSettings;
import defectlens.app.look.DarkModeItem;
import defectlens.app.explain.ConceptBanks;
import defectlens.app.look.MenuIcons;
import defectlens.app.review.ConfusionMatrixView;
import defectlens.app.review.ReviewDesk;
import defectlens.app.review.ReviewExport;
import defectlens.app.review.ReviewViewModel;
import defectlens.app.explain.ExplainMenu;
import defectlens.app.explain.ExplanationControls;
import defectlens.app.explain.ExplanationViewModel;
import defectlens.app.explain.ExplanationWindows;
import defectlens.app.mask.EditMenu;
import defectlens.app.mask.MaskEditTool;
import defectlens.app.mask.MaskEditViewModel;
import defectlens.app.mask.MaskKeys;
import defectlens.app.mask.MaskPanel;
import defectlens.app.sem.ClassificationViewModel;
import defectlens.app.sem.DatasetBrowserView;
import defectlens.app.sem.ImageViewer;
import defectlens.app.sem.InfoPanel;
import defectlens.app.sem.ModelMenu;
import defectlens.app.sem.PredictionPanel;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.study.StudyWindows;
import defectlens.app.wafer.WaferPane;
import defectlens.app.wafer.WaferViewModel;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewKind;
import defectlens.mask.CandidateSource;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window's layout: menus, browser | viewer | info panel, status bar with progress and cancel. */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final WaferViewModel wafers;
    private final TabPane tabs = new TabPane();
    private final Tab semTab = new Tab("SEM images");
    private final Tab waferTab = new Tab("Wafer maps");
    private final ImageViewer viewer = new ImageViewer();
    private final DatasetBrowserView browser;
    private final Menu recentMenu = new Menu("Open recent");
    private final ClassificationViewModel classification;
    private final ExplanationWindows explanations;
    private final ReviewViewModel semReview;
    private final ReviewViewModel waferReview;
    private final MaskEditViewModel masks;

    public MainWindow(MainViewModel vm, WaferViewModel wafers, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.wafers = wafers;
        this.browser = new DatasetBrowserView(vm, thumbnails);
        viewer.setId("viewer");
        viewer.imageProperty().bind(vm.imageProperty());
        javafx.beans.binding.Bindings.bindContent(viewer.layers(), vm.layers());
        InfoPanel info = new InfoPanel(vm);
        info.setId("infoPanel");
        classification = new ClassificationViewModel(vm);
        browser.showPredictions(classification);
        info.getChildren().addAll(new javafx.scene.control.Separator(), new PredictionPanel(classification));
        explanations = new ExplanationWindows(new ExplanationViewModel(vm, new ConceptBanks(ConceptBanks.defaultRoot())));
        ExplanationControls explain = new ExplanationControls(explanations.explanations(),
                () -> explanations.openCompare(getScene().getWindow()), () -> explanations.openGallery(getScene().getWindow()));

        java.util.List<CandidateSource> candidates = new java.util.ArrayList<>(CandidateSource.basic());
        candidates.add(CandidateSource.of(new defectlens.mask.candidate.HeatmapCandidate()));
        masks = new MaskEditViewModel(vm, candidates, MaskEditViewModel.loginName(),
                java.time.Clock.systemUTC());
        masks.generators().useHeatmapHints(explanations.explanations().lastProperty());
        String sam2 = System.getProperty("defectlens.sam2.model");
        if (sam2 != null && !sam2.isBlank()) {
            masks.generators().useSam2Model(java.nio.file.Path.of(sam2));
        }
        MaskEditTool maskTool = new MaskEditTool(masks, viewer.zoomProperty());
        viewer.toolProperty().bind(javafx.beans.binding.Bindings.when(masks.editingProperty())
                .<defectlens.app.sem.ViewerTool>then(maskTool).otherwise((defectlens.app.sem.ViewerTool) null));
        ConfusionMatrixView confusion = new ConfusionMatrixView(classification.confusion());
        confusion.setId("semConfusion");
        semReview = new ReviewViewModel(vm.executor());
        waferReview = new ReviewViewModel(vm.executor());
        ReviewDesk semDesk = new ReviewDesk(semReview, "sem", browser, confusion);
        connectSemReview();
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(
                new javafx.scene.layout.VBox(new MaskPanel(masks), explain, info, semDesk.matrix()));
        side.setFitToWidth(true);
        javafx.scene.layout.VBox centre = new javafx.scene.layout.VBox(viewer,
                new defectlens.app.review.SimilarStrip(semReview.similar()));
        javafx.scene.layout.VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        centre.getChildren().get(1).visibleProperty().bind(semReview.sessionProperty().isNotNull());
        centre.getChildren().get(1).managedProperty().bind(semReview.sessionProperty().isNotNull());
        SplitPane split = new SplitPane(semDesk.left(), centre, side);
        split.setDividerPositions(0.3, 0.76);
        SplitPane.setResizableWithParent(semDesk.left(), false);
        BorderPane sem = new BorderPane(split);
        sem.setBottom(statusBar());
        catchViewerKeys(sem);
        semTab.setContent(sem);
        WaferPane waferPane = new WaferPane(wafers, waferReview);
        waferTab.setContent(waferPane);
        // caught at the window, so the keys work wherever the focus is in the tab (or on the tab headers)
        semDesk.catchKeys(this, () -> tabs.getSelectionModel().getSelectedItem() == semTab);
        waferPane.desk().catchKeys(this, () -> tabs.getSelectionModel().getSelectedItem() == waferTab);
        tabs.getTabs().addAll(semTab, waferTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        setTop(MenuIcons.decorate(menus()));
        setCenter(tabs);
        vm.recentItems().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
                wafers.cancel();
                classification.cancel();
                semReview.cancelClassify();
                waferReview.cancelClassify();
                maskTool.cancel();
            } else if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return;
            } else if (MaskKeys.handle(masks, e)) {
                e.consume();
            }
        });
    }

    /**
     * The viewer's keys (F, 1, +/-, M) act wherever the focus is in the SEM tab (a combo box, the layer choice, the
     * browser list), but never while a text field takes typing; the review desk's keys, caught first at the window,
     * win while the desk is active.
     */
    private void catchViewerKeys(BorderPane semContent) {
        semContent.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            if (viewer.handleKey(e)) {
                e.consume();
            } else if (e.getCode() == KeyCode.M && !e.isShortcutDown() && !e.isAltDown()) {
                vm.toggleMask();
                e.consume();
            }
        });
    }

    /** The SEM review shows its items in the browser and viewer (image, mask, explanation overlays as ever). */
    private void connectSemReview() {
        semReview.setOnOpened(o -> {
            tabs.getSelectionModel().select(semTab);
            Path data = o.sem() != null ? o.sem().root() : o.session().folder().dataPath();
            SemDataset shown = vm.datasetProperty().get();
            Path shownRoot = shown == null ? null : shown.root().toAbsolutePath().normalize();
            if (shownRoot == null || !shownRoot.equals(data.toAbsolutePath().normalize())) {
                vm.openDataset(data);
            }
            Path model = o.session().folder().modelPath();
            LoadedModel open = vm.modelProperty().get();
            if (open == null || !open.dir().toAbsolutePath().normalize().equals(model)) {
                vm.openModel(model);
            }
        });
        semReview.setOnItem(i -> {
            showSemItem(i);
            semReview.similar().show(i);
        });
        vm.datasetProperty().addListener((o, a, d) -> showSemItem(semReview.queue().itemProperty().get()));
    }

    private void showSemItem(int i) {
        SemDataset d = vm.datasetProperty().get();
        if (i >= 0 && d != null && i < d.size() && semReview.sessionProperty().get() != null
                && d.samples().get(i).id().equals(semReview.sessionProperty().get().table().id(i))) {
            vm.select(d.samples().get(i));
        }
    }

    private ReviewViewModel currentReview() {
        return tabs.getSelectionModel().getSelectedItem() == waferTab ? waferReview : semReview;
    }

    private void newReview() {
        Window w = getScene().getWindow();
        boolean wafer = currentReview() == waferReview;
        if (wafer && (wafers.datasetProperty().get() == null || wafers.side().proposedDir() == null)) {
            vm.reportError("Cannot start a review",
                    new DefectLensException("open wafer maps and their models first"));
            return;
        }
        if (!wafer && (vm.datasetProperty().get() == null || vm.modelProperty().get() == null)) {
            vm.reportError("Cannot start a review", new DefectLensException(
                    "open a data set and a model first (File > Open data set..., Model > Open model...)"));
            return;
        }
        Path folder = ReviewDesk.chooseFolder(w, "New review: choose an empty folder for it");
        Optional<String> reviewer = folder == null ? Optional.empty() : ReviewDesk.askReviewer(w);
        if (reviewer.isEmpty()) {
            return;
        }
        if (wafer) {
            var pair = wafers.side().modelsProperty().get();
            waferReview.createWafer(folder, reviewer.get(), wafers.datasetProperty().get(), pair.name(),
                    wafers.side().proposedDir(), pair.proposed().classes(),
                    wafers.side().averageSymmetriesProperty().get());
        } else {
            LoadedModel m = vm.modelProperty().get();
            semReview.createSem(folder, reviewer.get(), vm.datasetProperty().get(), m.name(), m.dir(),
                    m.classifier().classes());
        }
    }

    private void openReview() {
        Window w = getScene().getWindow();
        Path folder = ReviewDesk.chooseFolder(w, "Open a review folder (with review.json)");
        Optional<String> reviewer = folder == null ? Optional.empty() : ReviewDesk.askReviewer(w);
        if (reviewer.isPresent()) {
            openReview(folder, reviewer.get());
        }
    }

    /** Opens a review folder for a reviewer in the tab of its kind. */
    public void openReview(Path folder, String reviewer) {
        ReviewKind kind;
        try {
            kind = ReviewFolder.open(folder).definition().kind();
        } catch (DefectLensException e) {
            vm.reportError("Cannot open the review", e);
            return;
        }
        if (kind == ReviewKind.WAFER) {
            tabs.getSelectionModel().select(waferTab);
            waferReview.open(folder, reviewer, null, wafers.datasetProperty().get());
        } else {
            tabs.getSelectionModel().select(semTab);
            semReview.open(folder, reviewer, vm.datasetProperty().get(), null);
        }
    }

    private void exportReview(ReviewExport format) {
        ReviewViewModel review = currentReview();
        var session = review.sessionProperty().get();
        if (session == null || !format.appliesTo(session.folder().definition().kind())) {
            vm.reportError("Cannot export", new DefectLensException(session == null
                    ? "open a review in this tab first (File > Open review...)"
                    : format.menuText() + " does not apply to this review"));
            return;
        }
        Window w = getScene().getWindow();
        File out;
        if (format.writesFile()) {
            FileChooser fc = new FileChooser();
            fc.setTitle(format.menuText());
            fc.setInitialFileName(format == ReviewExport.WAFER_LABELS ? "labels.csv" : "decisions.csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            out = fc.showSaveDialog(w);
        } else {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(format.menuText() + " - choose a new, empty folder");
            out = dc.showDialog(w);
        }
        if (out != null) {
            review.export(format, out.toPath());
        }
    }

    private MenuBar menus() {
        MenuItem openImage = item("Open image...", "Shortcut+O", () -> chooseFile(false));
        MenuItem openFolder = item("Open folder...", "Shortcut+Shift+O", this::chooseFolder);
        MenuItem openDataset = item("Open data set...", "Shortcut+D", () -> chooseFile(true));
        MenuItem openWafers = item("Open wafer maps...", "Shortcut+W", this::chooseWaferFile);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> getScene().getWindow().hide());
        MenuItem newReview = item("New review...", "Shortcut+Shift+R", this::newReview);
        MenuItem openReview = item("Open review...", "Shortcut+R", this::openReview);
        Menu export = new Menu("Export review");
        for (ReviewExport format : ReviewExport.values()) {
            MenuItem i = item(format.menuText(), null, () -> exportReview(format));
            i.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                var session = currentReview().sessionProperty().get();
                return session == null || !format.appliesTo(session.folder().definition().kind());
            }, tabs.getSelectionModel().selectedItemProperty(), semReview.sessionProperty(),
                    waferReview.sessionProperty()));
            export.getItems().add(i);
        }
        Menu file = new Menu("File", null, openImage, openFolder, openDataset, openWafers, recentMenu,
                new SeparatorMenuItem(), newReview, openReview, export, new SeparatorMenuItem(), quit);
        Menu view = new Menu("View", null,
                // The viewer's own keys: single keys the SEM tab handles (not accelerators that would fire while
                // typing a search), shown in the menu all the same.
                keyItem("Fit to window", "F", viewer::fit),
                keyItem("Actual size (1:1)", "1", viewer::actualSize),
                keyItem("Zoom in", "+", () -> viewer.zoomAt(viewer.getWidth() / 2, viewer.getHeight() / 2, 1.25)),
                keyItem("Zoom out", "-", () -> viewer.zoomAt(viewer.getWidth() / 2, viewer.getHeight() / 2, 0.8)),
                keyItem("Show / hide mask", "M", vm::toggleMask),
                item("Search file name", "Shortcut+F", () -> lookup("#search").requestFocus()));
        // the viewer and the file-name search belong to the SEM tab (the dark mode below to every tab)
        for (MenuItem i : view.getItems()) {
            i.disableProperty().bind(onWaferTab());
        }
        view.getItems().addAll(new SeparatorMenuItem(), DarkModeItem.create(UserSettings::inUserHome));
        Menu organiser = new Menu("Organiser", null,
                item("New study...", null, this::newStudy),
                item("Make missing explanation pictures...", null, () -> chooseStudy(StudyAction.PICTURES)),
                item("Study summary (unblinds)...", null, () -> chooseStudy(StudyAction.SUMMARY)));
        Menu study = new Menu("Study", null,
                item("Rate a study...", null, () -> chooseStudy(StudyAction.RATE)), new SeparatorMenuItem(), organiser);
        Menu help = new Menu("Help", null,
                item("Keyboard shortcuts", "F1", () -> Dialogs.showShortcuts(getScene().getWindow())));
        Menu model = new ModelMenu(vm, classification, () -> getScene().getWindow());
        Menu explain = new ExplainMenu(explanations.explanations(),
                () -> explanations.openCompare(getScene().getWindow()), () -> explanations.openGallery(getScene().getWindow()));
        Menu edit = new EditMenu(masks, () -> getScene().getWindow());
        // Explanations and mask editing act on the SEM image: off while the wafer maps are in front.
        explain.disableProperty().bind(onWaferTab());
        edit.disableProperty().bind(onWaferTab());
        // the Model menu's SEM model classifies and trains on the SEM data set; the wafer tab has its own models
        model.disableProperty().bind(onWaferTab());
        return new MenuBar(file, edit, view, model, explain, study, help);
    }

    private javafx.beans.binding.BooleanBinding onWaferTab() {
        return tabs.getSelectionModel().selectedItemProperty().isEqualTo(waferTab);
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
            tabs.getSelectionModel().select(semTab);
            vm.openDataset(f.toPath());
        }
    }

    private void chooseWaferFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open WM-811K wafer maps");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Wafer-map pickles", "*.pkl", "*.pkl.gz", "*.pkl.xz", "*.pickle"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            openWafers(f.toPath());
        }
    }

    /** Opens a wafer file in the wafer tab and brings the tab to the front. */
    public void openWafers(Path file) {
        tabs.getSelectionModel().select(waferTab);
        wafers.open(file);
    }

    /** What a chosen study folder is opened for. */
    private enum StudyAction { RATE, PICTURES, SUMMARY }

    private void chooseStudy(StudyAction action) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(action == StudyAction.RATE ? "Open a study folder to rate" : "Open a study folder");
        File f = dc.showDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        StudyWindows studies = new StudyWindows(vm.executor());
        switch (action) {
            case RATE -> studies.openRating(getScene().getWindow(), f.toPath());
            case PICTURES -> studies.resumePictures(getScene().getWindow(), f.toPath());
            case SUMMARY -> studies.openSummaryConfirmed(getScene().getWindow(), f.toPath());
        }
    }

    private void newStudy() {
        var data = vm.datasetProperty().get();
        var model = vm.modelProperty().get();
        new StudyWindows(vm.executor()).openNewStudy(getScene().getWindow(), data == null ? null : data.root(),
                model == null ? null : model.dir());
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of class sub-folders or a Carinthia folder");
        File f = dc.showDialog(getScene().getWindow());
        if (f != null) {
            tabs.getSelectionModel().select(semTab);
            vm.openDataset(f.toPath());
        }
    }

    private StatusBar statusBar() {
        Label cursor = new Label();
        cursor.setId("cursorInfo");
        cursor.textProperty().bind(viewer.cursorTextProperty());
        Label zoom = new Label();
        zoom.textProperty().bind(viewer.zoomProperty().multiply(100).asString("%.0f %%"));
        return new StatusBar("", vm.statusProperty(), vm.progressProperty(), vm.busyProperty(), vm::cancel, cursor, zoom);
    }

    /** The explanation layers, compare view and concept gallery of this window. */
    public ExplanationWindows explanations() {
        return explanations;
    }

    /** The mask editor and validation queue of this window. */
    public MaskEditViewModel masks() {
        return masks;
    }

    public ImageViewer viewer() {
        return viewer;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Predictions of the current model for the open data set. */
    public ClassificationViewModel classification() {
        return classification;
    }

    /** Closes the open reviews' journals (on the journal lane, which finishes its queue when the window closes). */
    public void closeReviews() {
        semReview.close();
        waferReview.close();
    }

    /** The review desk of the SEM tab. */
    public ReviewViewModel semReview() {
        return semReview;
    }

    /** The review desk of the wafer tab. */
    public ReviewViewModel waferReview() {
        return waferReview;
    }

    public DatasetBrowserView browser() {
        return browser;
    }
}
