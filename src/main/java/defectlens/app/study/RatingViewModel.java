package defectlens.app.study;

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
import java.util.Optional;
import java.util.concurrent.Executor;
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
 * answer is written to the journal on the {@code io} executor; {@link #savedProperty()} turns true
 * and the status reads "Saved" only after the journal has forced it to disk.
 */
public final class RatingViewModel {
    private final RatingSession session;
    private final ExplanationSource explanations;
    private final Path studyDir;
    private final Executor io;
    private final Executor fx;
    private final List<IntegerProperty> answers = new ArrayList<>();
    private final IntegerProperty itemIndex = new SimpleIntegerProperty(-1);
    private final IntegerProperty focusedQuestion = new SimpleIntegerProperty(0);
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty itemTitle = new SimpleStringProperty("");
    private final StringProperty explanationLabel = new SimpleStringProperty("");
    private final StringProperty explanationNote = new SimpleStringProperty("");
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<ArgbImage> image = new SimpleObjectProperty<>();
    private final ObjectProperty<ArgbImage> explanation = new SimpleObjectProperty<>();
    private int pendingSaves;
    private String savedComment = "";

    public RatingViewModel(RatingSession session, ExplanationSource explanations, Path studyDir, Executor io, Executor fx) {
        this.session = session;
        this.explanations = explanations;
        this.studyDir = studyDir;
        this.io = io;
        this.fx = fx;
        for (int i = 0; i < questions().size(); i++) {
            answers.add(new SimpleIntegerProperty(0));
        }
        RaterProgress p = session.progress();
        progress.set(p.fraction());
        if (p.complete()) {
            show(session.order().size() - 1, 0);
            status.set("All answers given and saved. You may review them.");
            saved.set(true);
        } else {
            show(p.resumeItem(), p.resumeQuestion());
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
        return session.order().get(itemIndex.get());
    }

    /** Answers the statement that has the keyboard and moves to the next one. */
    public void choose(int value) {
        int q = focusedQuestion.get();
        choose(q, value);
        if (q < questions().size() - 1) {
            focusedQuestion.set(q + 1);
        }
    }

    /** Answers a statement; the answer is saved at once. */
    public void choose(int question, int value) {
        if (value < scaleMin() || value > scaleMax()) {
            return;
        }
        focusedQuestion.set(question);
        if (answers.get(question).get() == value) {
            return;
        }
        answers.get(question).set(value);
        StudyItem item = currentItem();
        String q = questions().get(question).id();
        String c = comment.get();
        save(() -> session.answer(item, q, value, c), () -> savedComment = c);
    }

    /** Changes the focused statement's answer by {@code delta} (left/right arrows). */
    public void step(int delta) {
        int q = focusedQuestion.get();
        int v = answers.get(q).get();
        choose(q, v == 0 ? (delta > 0 ? scaleMin() : scaleMax()) : Math.max(scaleMin(), Math.min(scaleMax(), v + delta)));
    }

    public void moveFocus(int delta) {
        focusedQuestion.set(Math.max(0, Math.min(questions().size() - 1, focusedQuestion.get() + delta)));
    }

    public void next() {
        if (itemIndex.get() < session.order().size() - 1) {
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
        return itemIndex.get() < session.order().size() - 1;
    }

    /** Saves a changed comment with every answered statement of the current item. */
    public void flushComment() {
        String c = comment.get() == null ? "" : comment.get();
        if (!c.equals(savedComment)) {
            StudyItem item = currentItem();
            savedComment = c;
            save(() -> session.comment(item, c), () -> { });
        }
    }

    /** Saves what is left and closes the journal (on the io executor, after pending saves). */
    public void close() {
        flushComment();
        io.execute(session::close);
    }

    private int firstUnanswered(int item) {
        StudyItem it = session.order().get(item);
        for (int q = 0; q < questions().size(); q++) {
            if (session.answer(it, questions().get(q).id()).isEmpty()) {
                return q;
            }
        }
        return 0;
    }

    private void show(int index, int question) {
        StudyItem item = session.order().get(index);
        itemIndex.set(index);
        for (int q = 0; q < questions().size(); q++) {
            answers.get(q).set(session.answer(item, questions().get(q).id()).map(r -> r.value()).orElse(0));
        }
        savedComment = session.comment(item);
        comment.set(savedComment);
        focusedQuestion.set(question);
        itemTitle.set("Item " + (index + 1) + " of " + session.order().size());
        String label = session.labelOf(item);
        explanationLabel.set(label);
        Optional<Path> picture = explanations.explanationFor(item.method(), item.imageId());
        explanationNote.set(picture.isPresent() ? "" : "No picture of " + label + " for this image yet: rate the image as shown.");
        image.set(null);
        explanation.set(null);
        Path imageFile = session.plan().imageFile(studyDir, item.imageId());
        io.execute(() -> {
            ArgbImage img = render(imageFile);
            ArgbImage expl = picture.map(RatingViewModel::render).orElse(null);
            fx.execute(() -> {
                if (itemIndex.get() == index) {
                    image.set(img);
                    explanation.set(expl);
                }
            });
        });
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
        io.execute(() -> {
            try {
                write.run();
                RaterProgress p = session.progress();
                fx.execute(() -> {
                    onSaved.run();
                    progress.set(p.fraction());
                    if (--pendingSaves == 0) {
                        saved.set(true);
                        status.set("Saved");
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    pendingSaves--;
                    saved.set(false);
                    status.set("NOT saved: " + defectlens.app.common.Dialogs.messageOf(e));
                });
            }
        });
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
