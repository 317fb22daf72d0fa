package defectlens.app.study;

import defectlens.app.look.Looks;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The organiser's "New study" wizard: one form (data set and sampling, model, methods, questionnaire, raters,
 * blinding), Create, then the progress of the explanation pictures with Cancel and Resume, and a line that says
 * when the study is ready to rate. The work is {@link NewStudyViewModel}'s.
 */
public final class NewStudyView extends BorderPane {
    private final NewStudyViewModel vm;
    private final Label problem = new Label();
    private final List<Object> keep = new java.util.ArrayList<>();
    private Consumer<Path> onRate = p -> { };

    public NewStudyView(NewStudyViewModel vm) {
        this.vm = vm;
        setPadding(new Insets(14));
        Label title = new Label("New rating study");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        setTop(title);
        setCenter(form());
        setBottom(progress());
    }

    private VBox form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10, 0, 10, 0));
        int row = 0;
        g.addRow(row++, bold("Data set"), pathField("dataset", vm.datasetProperty(), "Data-set folder"));
        RadioButton perClass = new RadioButton("per class");
        perClass.setId("perClass");
        RadioButton inAll = new RadioButton("in all");
        inAll.setId("inAll");
        ToggleGroup mode = new ToggleGroup();
        perClass.setToggleGroup(mode);
        inAll.setToggleGroup(mode);
        (vm.perClassProperty().get() ? perClass : inAll).setSelected(true);
        perClass.selectedProperty().addListener((o, a, b) -> vm.perClassProperty().set(b));
        CheckBox masks = new CheckBox("only images with masks");
        masks.setId("onlyWithMasks");
        masks.selectedProperty().bindBidirectional(vm.onlyWithMasksProperty());
        HBox sampling = new HBox(8, new Label("Images:"), spinner("count", vm.countProperty(), 0, 10_000),
                perClass, inAll, new Label("(0 = all)   Seed:"), spinner("seed", vm.seedProperty(), 0, Integer.MAX_VALUE),
                masks);
        sampling.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, bold("Sampling"), sampling);
        g.addRow(row++, bold("Model"), pathField("model", vm.modelProperty(), "Model bundle folder"));
        FlowPane methods = new FlowPane(12, 6);
        for (String m : NewStudyViewModel.METHODS) {
            CheckBox c = new CheckBox(m);
            c.setId("method-" + m.replace("+", "p"));
            c.selectedProperty().bindBidirectional(vm.methodProperty(m));
            c.selectedProperty().addListener((o, a, b) -> check());
            methods.getChildren().add(c);
        }
        g.addRow(row++, bold("Methods (2 or more)"), methods);
        TextField questions = pathText("questionnaire", vm.questionnaireProperty());
        questions.setPromptText("built-in: the 8 statements of the explanation-satisfaction scale");
        Button browseQ = new Button("File...");
        browseQ.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Questionnaire JSON", "*.json"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                questions.setText(f.toString());
            }
        });
        HBox.setHgrow(questions, Priority.ALWAYS);
        g.addRow(row++, bold("Questionnaire"), new HBox(6, questions, browseQ));
        TextField raters = new TextField();
        raters.setId("raters");
        raters.setPromptText("rater ids, e.g. anna, ben (empty: anyone may rate)");
        raters.textProperty().bindBidirectional(vm.ratersProperty());
        raters.textProperty().addListener((o, a, b) -> check());
        g.addRow(row++, bold("Raters"), raters);
        CheckBox blinded = new CheckBox("Blind the methods (raters see Explanation A, B, ...)");
        blinded.setId("blinded");
        blinded.selectedProperty().bindBidirectional(vm.blindedProperty());
        CheckBox showClass = new CheckBox("Show raters the class each explanation explains");
        showClass.setId("showClass");
        showClass.selectedProperty().bindBidirectional(vm.showClassProperty());
        g.addRow(row++, bold("Blinding"), new VBox(4, blinded, showClass));
        g.addRow(row, bold("Study folder"), pathField("out", vm.outProperty(), "A new, empty folder"));
        GridPane.setHgrow(g.getChildren().get(1), Priority.ALWAYS);
        HBox craft = new HBox(8, new Label("Images per class:"), spinner("craftImages", vm.craftImagesProperty(), 1, 500),
                new Label("Concepts:"), spinner("craftConcepts", vm.craftConceptsProperty(), 1, 50),
                new Label("NMF iterations:"), spinner("craftIterations", vm.craftIterationsProperty(), 1, 5000),
                new Label("Sobol designs:"), spinner("craftDesigns", vm.craftDesignsProperty(), 2, 512));
        craft.setAlignment(Pos.CENTER_LEFT);
        TitledPane advanced = new TitledPane("CRAFT concept banks (fitted for every class the study needs)",
                new VBox(4, craft, new Label("Banks are saved in the study's concept-banks folder and reused.")));
        advanced.setExpanded(false);
        problem.setId("problem");
        problem.getStyleClass().add(Looks.WARNING);
        check();
        return new VBox(6, g, advanced, problem);
    }

    private Node progress() {
        Button create = new Button("Create study");
        create.setId("create");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.status().busyProperty());
        create.setOnAction(e -> {
            check();
            if (problem.getText().isEmpty()) {
                vm.create();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelPictures");
        cancel.disableProperty().bind(vm.status().busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button resume = new Button("Resume");
        resume.setId("resume");
        resume.disableProperty().bind(vm.resumableProperty().not().or(vm.status().busyProperty()));
        resume.setOnAction(e -> vm.resume());
        Button rate = new Button("Rate it now...");
        rate.setId("rateNow");
        rate.disableProperty().bind(vm.readyProperty().not());
        rate.setOnAction(e -> onRate.accept(vm.studyProperty().get()));
        ProgressBar bar = new ProgressBar(0);
        bar.setId("picturesProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.status().progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label status = new Label();
        status.setId("wizardStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status().statusProperty());
        vm.readyProperty().addListener((o, a, b) -> {
            status.setStyle(b ? "-fx-font-weight: bold;" : "");
            Looks.choose(status, b ? Looks.SUCCESS : null, Looks.TEXT_COLOURS);
        });
        HBox buttons = new HBox(8, create, bar, cancel, resume, rate);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, buttons, status);
    }

    private void check() {
        problem.setText(vm.problem());
    }

    public NewStudyViewModel viewModel() {
        return vm;
    }

    /** What "Rate it now" does with the finished study folder. */
    public void setOnRate(Consumer<Path> onRate) {
        this.onRate = onRate;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        l.setMinWidth(140);
        return l;
    }

    private HBox pathField(String id, ObjectProperty<Path> property, String prompt) {
        TextField field = pathText(id, property);
        field.setPromptText(prompt);
        Button browse = new Button("Browse...");
        browse.setId(id + "Browse");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(prompt);
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) {
                field.setText(f.toString());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox box = new HBox(6, field, browse);
        box.setPrefWidth(620);
        return box;
    }

    private TextField pathText(String id, ObjectProperty<Path> property) {
        TextField field = new TextField(property.get() == null ? "" : property.get().toString());
        field.setId(id);
        field.textProperty().addListener((o, a, b) -> {
            property.set(b == null || b.isBlank() ? null : Path.of(b.trim()));
            check();
        });
        return field;
    }

    private Spinner<Integer> spinner(String id, IntegerProperty property, int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, property.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        var boxed = property.asObject();
        keep.add(boxed);
        s.getValueFactory().valueProperty().bindBidirectional(boxed);
        return s;
    }
}
