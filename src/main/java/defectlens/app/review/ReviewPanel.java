package defectlens.app.review;

import defectlens.app.look.Icons;
import defectlens.app.look.Looks;
import defectlens.review.PredictionTable;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewDecision;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The review desk's column: who reviews what and how far ("n of N decided, m this session, time left", "Saved"),
 * the queue's order and "undecided only", the queue itself (each row: item, label, prediction with confidence,
 * novelty score with a flag above the model's threshold, and the decision as icon and colour), the decision on
 * the item in front, every key of the desk with what it
 * does, and classifying the items still without a prediction (progress, count, time left, Cancel).
 */
public final class ReviewPanel extends VBox {
    private final ReviewViewModel vm;
    private final ListView<Integer> list = new ListView<>();
    private final GridPane keys = new GridPane();
    private final Label title = new Label("No review open");
    private final ComboBox<String> classChoice = new ComboBox<>();
    private final TextField auditSize = new TextField("50");
    private final TextField auditSeed = new TextField("1");
    private boolean syncing;

    public ReviewPanel(ReviewViewModel vm, String idPrefix) {
        super(6);
        this.vm = vm;
        DeskQueue queue = vm.queue();
        setPadding(new Insets(6));
        setPrefWidth(430);
        setId(idPrefix + "ReviewPanel");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        Label progress = new Label();
        progress.setId(idPrefix + "ReviewProgress");
        progress.setWrapText(true);
        progress.textProperty().bind(vm.progressTextProperty());
        Label saved = new Label();
        saved.setId(idPrefix + "ReviewSaved");
        saved.textProperty().bind(vm.decisions().saveStateProperty());
        saved.setStyle("-fx-font-weight: bold;");
        saved.getStyleClass().add(Looks.SUCCESS);

        // "most novel first" needs the review's novelty scores: without them the desk says why and how to get them
        ComboBox<QueueOrder> order = new ComboBox<>(FXCollections.observableArrayList(QueueOrder.values()));
        order.setId(idPrefix + "QueueOrder");
        order.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(QueueOrder o) {
                return o == null ? "" : describe(o);
            }

            @Override
            public QueueOrder fromString(String s) {
                return null;
            }
        });
        CheckBox undecided = new CheckBox("Undecided only");
        undecided.setId(idPrefix + "UndecidedOnly");
        classChoice.setId(idPrefix + "QueueClass");
        auditSize.setPrefColumnCount(4);
        auditSeed.setPrefColumnCount(4);
        HBox classRow = new HBox(6, new Label("Class"), classChoice);
        HBox auditRow = new HBox(6, new Label("Audit N"), auditSize, new Label("seed"), auditSeed);
        classRow.setAlignment(Pos.CENTER_LEFT);
        auditRow.setAlignment(Pos.CENTER_LEFT);
        order.valueProperty().addListener((o, a, b) -> {
            classRow.setVisible(b == QueueOrder.BY_CLASS);
            classRow.setManaged(b == QueueOrder.BY_CLASS);
            auditRow.setVisible(b == QueueOrder.AUDIT);
            auditRow.setManaged(b == QueueOrder.AUDIT);
            if (!syncing && b != null && b != QueueOrder.CONFUSION_CELL) {
                queue.specProperty().set(specFor(b, undecided.isSelected()));
            }
        });
        undecided.selectedProperty().addListener((o, a, b) -> {
            if (!syncing) {
                queue.specProperty().set(queue.specProperty().get().undecidedOnly(b));
            }
        });
        classChoice.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && order.getValue() == QueueOrder.BY_CLASS) {
                queue.specProperty().set(specFor(QueueOrder.BY_CLASS, undecided.isSelected()));
            }
        });
        auditSize.setOnAction(e -> queue.specProperty().set(specFor(QueueOrder.AUDIT, undecided.isSelected())));
        auditSeed.setOnAction(e -> queue.specProperty().set(specFor(QueueOrder.AUDIT, undecided.isSelected())));
        Label cell = new Label();
        cell.setId(idPrefix + "QueueCell");
        queue.specProperty().addListener((o, a, s) -> {
            syncing = true;
            order.setValue(s.order());
            undecided.setSelected(s.undecidedOnly());
            syncing = false;
            cell.setText(s.order() == QueueOrder.CONFUSION_CELL
                    ? "Cell: true " + s.cellTruth() + ", predicted " + s.cellPredicted() : "");
        });
        order.setValue(queue.specProperty().get().order());

        list.setId(idPrefix + "ReviewQueue");
        list.setItems(queue.items());
        list.setCellFactory(v -> new QueueCell());
        list.setFocusTraversable(false);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != queue.positionProperty().get()) {
                queue.positionProperty().set(b.intValue());
            }
        });
        queue.positionProperty().addListener((o, a, b) -> {
            int p = b.intValue();
            if (p >= 0 && p < queue.items().size() && list.getSelectionModel().getSelectedIndex() != p) {
                list.getSelectionModel().select(p);
                list.scrollTo(Math.max(0, p - 3));
            }
        });
        vm.revisionProperty().addListener((o, a, b) -> list.refresh());

        Label decision = new Label();
        decision.setId(idPrefix + "ReviewDecision");
        decision.setWrapText(true);
        decision.setMinHeight(Region.USE_PREF_SIZE);
        decision.textProperty().bind(vm.decisionTextProperty());
        decision.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        Label prediction = new Label();
        prediction.setId(idPrefix + "ReviewPrediction");
        prediction.setWrapText(true);
        prediction.setMinHeight(Region.USE_PREF_SIZE);
        prediction.textProperty().bind(vm.predictionTextProperty());
        keys.setId(idPrefix + "ReviewKeys");
        keys.setHgap(8);
        keys.setVgap(1);

        Button classify = Icons.on(new Button("Classify missing"), Feather.CPU);
        classify.setId(idPrefix + "ReviewClassify");
        classify.setOnAction(e -> vm.classifyMissing());
        classify.disableProperty().bind(vm.busyProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "ReviewClassifyProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancelClassify());
        HBox running = new HBox(6, bar, cancel);
        running.visibleProperty().bind(vm.busyProperty());
        running.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId(idPrefix + "ReviewStatus");
        status.setWrapText(true);
        status.setStyle("-fx-font-size: 11px;");
        status.getStyleClass().add(Looks.MUTED);
        status.textProperty().bind(vm.statusProperty());

        Label queueLabel = new Label("Queue");
        queueLabel.setMinWidth(Region.USE_PREF_SIZE);
        undecided.setMinWidth(Region.USE_PREF_SIZE);
        order.setPrefWidth(210);
        HBox queueRow = new HBox(6, queueLabel, order, undecided);
        queueRow.setAlignment(Pos.CENTER_LEFT);
        Button drift = new Button("Drift...");
        drift.setId(idPrefix + "ReviewDrift");
        drift.setOnAction(e -> vm.drift(chart -> DriftView.show(getScene().getWindow(), chart)));
        VBox body = new VBox(6, progress, saved, queueRow, classRow, auditRow, cell, list, prediction, decision, keys,
                new HBox(6, classify, drift), status, running);
        body.disableProperty().bind(vm.sessionProperty().isNull());
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, body);
        vm.sessionProperty().addListener((o, a, s) -> showSession(s));
        showSession(vm.sessionProperty().get());
    }

    private QueueSpec specFor(QueueOrder order, boolean undecidedOnly) {
        QueueSpec s = switch (order) {
            case BY_CLASS -> QueueSpec.byClass(classChoice.getValue() == null && !vm.classes().isEmpty()
                    ? vm.classes().get(0) : classChoice.getValue());
            case AUDIT -> QueueSpec.audit(parse(auditSize.getText(), 50), parse(auditSeed.getText(), 1), 0.9);
            default -> QueueSpec.of(order);
        };
        return s.undecidedOnly(undecidedOnly);
    }

    private static int parse(String s, int fallback) {
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String describe(QueueOrder o) {
        return switch (o) {
            case DATASET -> "data-set order";
            case LEAST_CERTAIN -> "least certain first";
            case DIFFERS -> "differs from label";
            case CONFUSION_CELL -> "confusion cell";
            case BY_CLASS -> "by predicted class";
            case AUDIT -> "audit: random confident sample";
            case NOVELTY -> "most novel first";
        };
    }

    private void showSession(ReviewSession s) {
        keys.getChildren().clear();
        if (s == null) {
            title.setText("No review open: File > New review... or Open review...");
            return;
        }
        title.setText("Review " + s.folder().dir().getFileName() + " \u2013 " + s.reviewer() + " \u2013 model "
                + s.folder().definition().model().name());
        classChoice.setItems(FXCollections.observableArrayList(vm.classes()));
        List<DecisionKeys.Key> legend = DecisionKeys.legend(vm.classes());
        for (int k = 0; k < legend.size(); k++) {
            Label key = new Label(legend.get(k).key());
            key.getStyleClass().add(Looks.KEY_CAP);
            keys.add(key, 0, k);
            keys.add(DecisionStyle.withIcon(new Label(legend.get(k).what()), legend.get(k).key()), 1, k);
        }
    }

    /** Keys go to the desk from anywhere in the tab; the list must not move on its own. */
    public ListView<Integer> list() {
        return list;
    }

    /** One queue row: item id, label, prediction and confidence, and the decision as icon and colour. */
    private final class QueueCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer i, boolean empty) {
            super.updateItem(i, empty);
            ReviewSession s = vm.sessionProperty().get();
            if (empty || i == null || s == null) {
                setText(null);
                setStyle("");
                return;
            }
            PredictionTable t = s.table();
            String pred = t.isDone(i) ? String.format(Locale.ROOT, "%s %.0f %%", t.predictedName(i),
                    100 * t.confidence(i)) : "not classified";
            Optional<ReviewDecision> d = vm.decisions().of(i);
            String mark = d.map(r -> DecisionStyle.icon(r.action()) + (r.classAfter() == null ? " " + r.action().json()
                    : " " + r.classAfter())).orElse("\u00B7");
            String label = t.labelName(i) == null ? "unlabelled" : t.labelName(i);
            String novelty = ItemTexts.novelty(s, i);
            setText(mark + "  " + t.id(i) + "  " + label + " \u2192 " + pred
                    + (novelty.isEmpty() ? "" : "  " + novelty));
            Looks.choose(this, d.map(r -> DecisionStyle.styleClass(r.action())).orElse(s.novelty() != null
                    && s.novelty().flagged(i) ? Looks.NOVEL : null), Looks.TEXT_COLOURS);
        }
    }
}
