package defectlens.app.study;

import defectlens.app.common.FxImages;
import defectlens.app.explain.LinkedViewerTransform;
import defectlens.app.look.Looks;
import defectlens.image.ArgbImage;
import defectlens.study.Question;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The rating window: the image beside its blinded explanation ("Explanation A"), the statements with
 * one choice per scale value, a comment box, the study progress, back/next and the save state.
 * Keys: 1-5 answer the highlighted statement, up/down move between statements, left/right change the answer,
 * Page Down / Page Up go to the next / previous item, F fits the pictures and 0 shows them 1:1. A click on a choice
 * answers that statement; after any answer the highlight moves to the next unanswered statement
 * ({@link RatingViewModel#choose(int, int)}). The image and the explanation share one zoom and pan
 * ({@link LinkedPicturePane}); the colour legend ({@link HeatmapLegend}) sits under the explanation. No method
 * name is ever shown: the explanation carries the plan's label.
 */
public final class RatingView extends BorderPane {
    private static final double PICTURE_W = 470;
    private static final double PICTURE_H = 330;

    private final RatingViewModel vm;
    private final List<HBox> rows = new ArrayList<>();
    private final TextArea comment = new TextArea();
    private final Label status = new Label();
    private final LinkedViewerTransform linked = new LinkedViewerTransform();

    public RatingView(RatingViewModel vm) {
        this.vm = vm;
        setId("ratingView");
        setPadding(new Insets(12));
        setTop(header());
        // scrolls when the window is lower than the pictures and the statements (a 1280 x 720 screen); the keys
        // stay with this view's filter, and the scroll pane never takes the focus
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body());
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        setCenter(scroll);
        setBottom(footer());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.focusedQuestionProperty().addListener((o, a, b) -> highlight());
        highlight();
    }

    private HBox header() {
        Label title = new Label();
        title.textProperty().bind(vm.itemTitleProperty());
        title.setStyle("-fx-font-weight: bold;");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        status.setId("saveStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(220);
        vm.savedProperty().addListener((o, a, b) -> styleStatus());
        vm.statusProperty().addListener((o, a, b) -> styleStatus());
        styleStatus();
        HBox h = new HBox(12, title, bar, status);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(0, 0, 10, 0));
        return h;
    }

    private void styleStatus() {
        String s = vm.statusProperty().get();
        if (vm.savedProperty().get()) {
            status.setStyle("-fx-font-weight: bold;");
            Looks.choose(status, Looks.SUCCESS, Looks.TEXT_COLOURS);
        } else if (s != null && s.startsWith("NOT saved")) {
            status.setStyle("-fx-font-weight: bold;");
            Looks.choose(status, Looks.DANGER, Looks.TEXT_COLOURS);
        } else {
            status.setStyle("");
            Looks.choose(status, Looks.MUTED, Looks.TEXT_COLOURS);
        }
    }

    private VBox body() {
        LinkedPicturePane image = new LinkedPicturePane(linked, PICTURE_W, PICTURE_H);
        image.setId("imagePane");
        LinkedPicturePane explanation = new LinkedPicturePane(linked, PICTURE_W, PICTURE_H);
        explanation.setId("explanationPane");
        vm.imageProperty().addListener((o, a, b) -> {
            image.setImage(b == null ? null : FxImages.toFx(b));
            if (b != null) {
                fit();
            }
        });
        vm.explanationProperty().addListener((o, a, b) -> explanation.setImage(b == null ? null : FxImages.toFx(b)));
        Label imageTitle = new Label("Image");
        imageTitle.setStyle("-fx-font-weight: bold;");
        Label explanationTitle = new Label();
        explanationTitle.setId("explanationLabel");
        explanationTitle.textProperty().bind(vm.explanationLabelProperty());
        explanationTitle.setStyle("-fx-font-weight: bold;");
        Label explained = new Label();
        explained.setId("explainedClass");
        explained.textProperty().bind(vm.explainedClassProperty());
        explained.visibleProperty().bind(vm.explainedClassProperty().isNotEmpty());
        explained.managedProperty().bind(explained.visibleProperty());
        Label note = new Label();
        note.setId("explanationNote");
        note.setWrapText(true);
        note.setMaxWidth(PICTURE_W - 40);
        note.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        note.textProperty().bind(vm.explanationNoteProperty());
        note.visibleProperty().bind(vm.explanationNoteProperty().isNotEmpty());
        StackPane explanationPane = new StackPane(explanation, note);
        Button fit = new Button("Fit");
        fit.setId("fit");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> fit());
        Button actual = new Button("1:1");
        actual.setId("actualSize");
        actual.setFocusTraversable(false);
        actual.setOnAction(e -> actualSize());
        Label zoomHint = new Label("Wheel zooms, drag pans both pictures together");
        zoomHint.setStyle("-fx-font-size: 10px;");
        zoomHint.getStyleClass().add(Looks.MUTED);
        HBox zoom = new HBox(6, fit, actual, zoomHint);
        zoom.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(4, new HBox(8, imageTitle, explained), image, zoom);
        VBox right = new VBox(4, explanationTitle, explanationPane, new HeatmapLegend(PICTURE_W));
        HBox pictures = new HBox(16, left, right);
        pictures.setAlignment(Pos.CENTER);
        VBox body = new VBox(10, pictures, statements());
        body.setPadding(new Insets(0, 0, 10, 0));
        return body;
    }

    /** Scales the pictures into their panes (both: the zoom is linked). */
    public void fit() {
        ArgbImage shown = vm.imageProperty().get();
        if (shown != null) {
            linked.fit(PICTURE_W, PICTURE_H, shown.width(), shown.height());
        }
    }

    /** One image pixel per screen pixel, about the centre of the panes. */
    public void actualSize() {
        linked.zoomAt(PICTURE_W / 2, PICTURE_H / 2, 1.0 / linked.transform().scale());
    }

    /** The zoom and pan the two pictures share. */
    public LinkedViewerTransform linked() {
        return linked;
    }

    private GridPane statements() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(2);
        List<String> anchors = vm.anchors();
        for (int v = 0; v < anchors.size(); v++) {
            Label a = new Label((vm.scaleMin() + v) + "\n" + anchors.get(v));
            a.setWrapText(true);
            a.setMaxWidth(90);
            a.setMinHeight(Region.USE_PREF_SIZE);
            a.setStyle("-fx-font-size: 10px; -fx-text-alignment: center;");
            a.setAlignment(Pos.CENTER);
            g.add(a, 1 + v, 0);
        }
        List<Question> questions = vm.questions();
        for (int q = 0; q < questions.size(); q++) {
            int question = q;
            Label text = new Label(questions.get(q).id() + "  " + questions.get(q).text());
            text.setWrapText(true);
            text.setPrefWidth(560);
            text.setMinHeight(Region.USE_PREF_SIZE);
            HBox row = new HBox(text);
            row.setPadding(new Insets(3, 6, 3, 6));
            row.setOnMouseClicked(e -> vm.focusedQuestionProperty().set(question));
            row.setId("row" + q);
            rows.add(row);
            g.add(row, 0, q + 1);
            ToggleGroup group = new ToggleGroup();
            List<RadioButton> buttons = new ArrayList<>();
            for (int v = vm.scaleMin(); v <= vm.scaleMax(); v++) {
                int value = v;
                RadioButton rb = new RadioButton();
                rb.setId("q" + q + "v" + v);
                rb.setToggleGroup(group);
                rb.setFocusTraversable(false);
                rb.setOnAction(e -> vm.choose(question, value));
                GridPane.setHalignment(rb, javafx.geometry.HPos.CENTER);
                buttons.add(rb);
                g.add(rb, 1 + v - vm.scaleMin(), q + 1);
            }
            Runnable sync = () -> {
                int v = vm.answerProperty(question).get();
                group.selectToggle(v == 0 ? null : buttons.get(v - vm.scaleMin()));
            };
            vm.answerProperty(question).addListener((o, a, b) -> sync.run());
            sync.run();
        }
        g.disableProperty().bind(vm.itemAvailableProperty().not());
        return g;
    }

    private VBox footer() {
        comment.setId("comment");
        comment.setPromptText("Comment on this explanation (optional; saved with your answers)");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.flushComment();
            }
        });
        Button back = new Button("◀ Back");
        back.setId("back");
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.itemIndexProperty().isEqualTo(0));
        Button next = new Button("Next ▶");
        next.setId("next");
        next.setDefaultButton(false);
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.itemIndexProperty().greaterThanOrEqualTo(vm.items().size() - 1));
        Label keys = new Label("Click a choice or press 1-5 for the highlighted statement (the highlight then moves to "
                + "the next unanswered one) · ↑/↓ statement · ←/→ change · PgDn/PgUp next/back · F fit · 0 1:1");
        keys.setStyle("-fx-font-size: 10px;");
        keys.getStyleClass().add(Looks.MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, keys, gap, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, comment, buttons);
    }

    private void highlight() {
        for (int i = 0; i < rows.size(); i++) {
            Looks.choose(rows.get(i), i == vm.focusedQuestionProperty().get() ? Looks.FOCUSED_ROW : null,
                    List.of(Looks.FOCUSED_ROW));
        }
    }

    private void onKey(KeyEvent e) {
        if (comment.isFocused()) {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.TAB) {
                requestFocus();
                e.consume();
            }
            return;
        }
        KeyCode k = e.getCode();
        int digit = digit(k);
        if (digit > 0) {
            vm.choose(digit);
        } else if (k == KeyCode.UP) {
            vm.moveFocus(-1);
        } else if (k == KeyCode.DOWN) {
            vm.moveFocus(1);
        } else if (k == KeyCode.LEFT) {
            vm.step(-1);
        } else if (k == KeyCode.RIGHT) {
            vm.step(1);
        } else if (k == KeyCode.PAGE_DOWN) {
            vm.next();
        } else if (k == KeyCode.PAGE_UP) {
            vm.back();
        } else if (k == KeyCode.F) {
            fit();
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            actualSize();
        } else {
            return;
        }
        e.consume();
    }

    private static int digit(KeyCode k) {
        return switch (k) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            case DIGIT7, NUMPAD7 -> 7;
            case DIGIT8, NUMPAD8 -> 8;
            case DIGIT9, NUMPAD9 -> 9;
            default -> 0;
        };
    }

    public RatingViewModel viewModel() {
        return vm;
    }
}
