package defectlens.app.study;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.image.ArgbImage;
import defectlens.image.DisplayWindow;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.study.ExplanationSource;
import defectlens.study.Question;
import defectlens.study.RaterProgress;
import defectlens.study.RatingSession;
import defectlens.study.StudyItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the rating window as JavaFX properties, over a {@link RatingSession}: the current item
 * (its image, its blinded explanation label and picture), the answer to each statement (0 = none),
 * the statement that has the keyboard, the comment, the study progress and the save state. Every
 * answer is written to the journal by a {@link BackgroundTask} on the journal lane (in order, one at a time);
 * {@link #savedProperty()} turns true and the status reads "Saved" only after the journal has forced it to
 * disk. Pictures are read on the same lane; a newer item cancels the pictures of the one before.
 *
 * <p>Only items whose explanation picture exists can be rated: items found without one when the window opens are
 * left out of the rater's order (the title says how many), and an item whose picture disappears later is shown as
 * unavailable and takes no answer. One rule for mouse and keys: a click on a choice answers that statement, a key
 * answers the highlighted statement, and after any answer the highlight moves to the next unanswered statement.
 * The label of the explanation is the plan's (blinded: "Explanation A"); the class explained is shown only when
 * the plan says so.
 */
public final class RatingViewModel {
    /** An item's pictures as read off the FX thread; the explanation's is null when there is none yet. */
    private record Pictures(ArgbImage image, ArgbImage explanation, boolean hasExplanation) {
    }

    private final RatingSession session;
    private final List<StudyItem> items;
    private final Set<StudyItem> unavailable;
    private final Map<String, String> explainedClasses;
    private final ExplanationSource explanations;
    private final Path studyDir;
    private final TaskExecutor executor;
    private final TaskSlot pictures;
    private final List<IntegerProperty> answers = new ArrayList<>();
    private final IntegerProperty itemIndex = new SimpleIntegerProperty(-1);
    private final IntegerProperty focusedQuestion = new SimpleIntegerProperty(0);
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty itemTitle = new SimpleStringProperty("");
    private final StringProperty explanationLabel = new SimpleStringProperty("");
    private final StringProperty explanationNote = new SimpleStringProperty("");
    private final StringProperty explainedClass = new SimpleStringProperty("");
    private final BooleanProperty itemAvailable = new SimpleBooleanProperty(true);
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<ArgbImage> image = new SimpleObjectProperty<>();
    private final ObjectProperty<ArgbImage> explanation = new SimpleObjectProperty<>();
    private int pendingSaves;
    private String savedComment = "";

    /**
     * The window's state over a session; {@code unavailable} are the items found without a picture (left out),
     * {@code explainedClasses} the class each image's pictures explain (by image id).
     */
    public RatingViewModel(RatingSession session, ExplanationSource explanations, Path studyDir,
            TaskExecutor executor, Set<StudyItem> unavailable, Map<String, String> explainedClasses) {
        this.session = session;
        this.unavailable = java.util.concurrent.ConcurrentHashMap.newKeySet();
        this.unavailable.addAll(unavailable);
        this.items = session.order().stream().filter(i -> !this.unavailable.contains(i)).toList();
        this.explainedClasses = Map.copyOf(explainedClasses);
        this.explanations = explanations;
        this.studyDir = studyDir;
        this.executor = executor;
        this.pictures = new TaskSlot(executor);
        for (int i = 0; i < questions().size(); i++) {
            answers.add(new SimpleIntegerProperty(0));
        }
        RaterProgress p = session.progress(i -> !this.unavailable.contains(i));
        progress.set(p.fraction());
        if (items.isEmpty()) {
            itemTitle.set("No item can be rated");
            itemAvailable.set(false);
            explanationNote.set("No explanation picture of this study has been made yet: ask the study's organiser.");
            status.set("");
        } else if (p.complete()) {
            show(items.size() - 1, 0);
            status.set("All answers given and saved. You may review them.");
            saved.set(true);
        } else {
            show(items.indexOf(session.order().get(p.resumeItem())), p.resumeQuestion());
            status.set(p.answered() == 0 ? "" : "Resumed where you stopped: " + p.answered() + " of " + p.total() + " answers saved");
        }
    }

    public List<Question> questions() {
        return session.plan().questionnaire().questions();
    }

    /** The anchor labels of the scale values, min to max. */
    public List<String> anchors() {
        var scale = session.plan().questionnaire().scale();
        List<String> a = new ArrayList<>();
        for (int v = scale.min(); v <= scale.max(); v++) {
            a.add(scale.anchor(v));
        }
        return a;
    }

    public int scaleMin() {
        return session.plan().questionnaire().scale().min();
    }

    public int scaleMax() {
        return session.plan().questionnaire().scale().max();
    }

    public StudyItem currentItem() {
        return items.get(itemIndex.get());
    }

    /** The items this rater can rate, in their order (items without a picture left out). */
    public List<StudyItem> items() {
        return items;
    }

    /** How many of the rater's items have no picture and are skipped. */
    public int unavailableCount() {
        return unavailable.size();
    }

    /** Answers the highlighted statement (a key). */
    public void choose(int value) {
        choose(focusedQuestion.get(), value);
    }

    /**
     * Answers a statement (a click on its choice, or a key on the highlighted one); the answer is saved at once and
     * the highlight moves to the next unanswered statement (it stays when every statement is answered). An item
     * without its picture takes no answer.
     */
    public void choose(int question, int value) {
        answer(question, value, true);
    }

    private void answer(int question, int value, boolean moveOn) {
        if (value < scaleMin() || value > scaleMax() || !itemAvailable.get()) {
            return;
        }
        if (answers.get(question).get() != value) {
            answers.get(question).set(value);
            StudyItem item = currentItem();
            String q = questions().get(question).id();
            String c = comment.get();
            save(() -> session.answer(item, q, value, c), () -> savedComment = c);
        }
        focusedQuestion.set(moveOn ? nextUnanswered(question) : question);
    }

    /**
     * Changes the highlighted statement's answer by {@code delta} (left/right arrows); the highlight stays, so
     * repeated arrows walk along the scale.
     */
    public void step(int delta) {
        int q = focusedQuestion.get();
        int v = answers.get(q).get();
        answer(q, v == 0 ? (delta > 0 ? scaleMin() : scaleMax()) : Math.max(scaleMin(), Math.min(scaleMax(), v + delta)),
                false);
    }

    private int nextUnanswered(int after) {
        int n = questions().size();
        for (int k = 1; k < n; k++) {
            int q = (after + k) % n;
            if (answers.get(q).get() == 0) {
                return q;
            }
        }
        return after;
    }

    public void moveFocus(int delta) {
        focusedQuestion.set(Math.max(0, Math.min(questions().size() - 1, focusedQuestion.get() + delta)));
    }

    public void next() {
        if (itemIndex.get() < items.size() - 1) {
            flushComment();
            show(itemIndex.get() + 1, firstUnanswered(itemIndex.get() + 1));
        }
    }

    public void back() {
        if (itemIndex.get() > 0) {
            flushComment();
            show(itemIndex.get() - 1, 0);
        }
    }

    public boolean hasNext() {
        return itemIndex.get() < items.size() - 1;
    }

    /** Saves a changed comment with every answered statement of the current item. */
    public void flushComment() {
        String c = comment.get() == null ? "" : comment.get();
        if (!c.equals(savedComment) && itemIndex.get() >= 0 && itemAvailable.get()) {
            StudyItem item = currentItem();
            savedComment = c;
            save(() -> session.comment(item, c), () -> { });
        }
    }

    /** Saves what is left and closes the journal (on the journal lane, after pending saves). */
    public void close() {
        flushComment();
        pictures.cancel();
        executor.execute(BackgroundTask.of("Closing the journal", ctx -> {
            session.close();
            return null;
        }).onLane(TaskLane.JOURNAL));
    }

    private int firstUnanswered(int item) {
        StudyItem it = items.get(item);
        for (int q = 0; q < questions().size(); q++) {
            if (session.answer(it, questions().get(q).id()).isEmpty()) {
                return q;
            }
        }
        return 0;
    }

    private void show(int index, int question) {
        StudyItem item = items.get(index);
        itemIndex.set(index);
        itemAvailable.set(true);
        for (int q = 0; q < questions().size(); q++) {
            answers.get(q).set(session.answer(item, questions().get(q).id()).map(r -> r.value()).orElse(0));
        }
        savedComment = session.comment(item);
        comment.set(savedComment);
        focusedQuestion.set(question);
        itemTitle.set("Item " + (index + 1) + " of " + items.size() + (unavailable.isEmpty() ? ""
                : " (" + unavailable.size() + (unavailable.size() == 1 ? " item" : " items")
                        + " unavailable, picture missing: skipped)"));
        String label = session.labelOf(item);
        explanationLabel.set(label);
        explainedClass.set(session.plan().showClass() && explainedClasses.containsKey(item.imageId())
                ? "Class explained: " + explainedClasses.get(item.imageId()) : "");
        explanationNote.set("");
        image.set(null);
        explanation.set(null);
        Path imageFile = session.plan().imageFile(studyDir, item.imageId());
        pictures.run(BackgroundTask.of("Pictures of item " + (index + 1), ctx -> {
            Optional<Path> picture = explanations.explanationFor(item.method(), item.imageId());
            return new Pictures(render(imageFile), picture.map(RatingViewModel::render).orElse(null),
                    picture.isPresent());
        }).onLane(TaskLane.JOURNAL).onSuccess(shown -> {
            image.set(shown.image());
            explanation.set(shown.explanation());
            if (!shown.hasExplanation()) {
                unavailable.add(item);
                itemAvailable.set(false);
                explanationNote.set("This item is unavailable: the picture of " + label
                        + " is missing, so it cannot be rated. Go on with Next.");
            }
        }));
    }

    private static ArgbImage render(Path file) {
        try {
            ImageRaster r = SemImageReader.read(file);
            return DisplayWindow.fullRange(r).render(r);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void save(Runnable write, Runnable onSaved) {
        pendingSaves++;
        saved.set(false);
        status.set("Saving…");
        executor.execute(BackgroundTask.of("Saving", ctx -> {
            write.run();
            return session.progress(i -> !unavailable.contains(i));
        }).onLane(TaskLane.JOURNAL).onSuccess(p -> {
            onSaved.run();
            progress.set(p.fraction());
            if (--pendingSaves == 0) {
                saved.set(true);
                status.set("Saved");
            }
        }).onFailure(e -> {
            pendingSaves--;
            saved.set(false);
            status.set("NOT saved: " + defectlens.app.common.Dialogs.messageOf(e));
        }));
    }

    public IntegerProperty answerProperty(int question) {
        return answers.get(question);
    }

    public IntegerProperty itemIndexProperty() {
        return itemIndex;
    }

    public IntegerProperty focusedQuestionProperty() {
        return focusedQuestion;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty itemTitleProperty() {
        return itemTitle;
    }

    public StringProperty explanationLabelProperty() {
        return explanationLabel;
    }

    public StringProperty explanationNoteProperty() {
        return explanationNote;
    }

    /** "Class explained: line_break" when the plan shows the class, else empty. */
    public StringProperty explainedClassProperty() {
        return explainedClass;
    }

    /** False while the current item has no picture (then it takes no answer). */
    public BooleanProperty itemAvailableProperty() {
        return itemAvailable;
    }

    public BooleanProperty savedProperty() {
        return saved;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<ArgbImage> imageProperty() {
        return image;
    }

    public ObjectProperty<ArgbImage> explanationProperty() {
        return explanation;
    }

    public RatingSession session() {
        return session;
    }
}
