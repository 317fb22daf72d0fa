package defectlens.app.review;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.core.Progress;
import defectlens.review.ReviewFolder;
import defectlens.review.embedding.Neighbour;
import defectlens.review.embedding.WaferSimilarity;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "More like this" for the item in front of the review desk: the {@value #K} items of the review's data most like
 * it in the model's embedding space (cosine), for a strip of thumbnails. The embeddings and the index are made
 * once per opened review in the background (progress and cancel in the strip's status; cached in the user's cache
 * so a second opening is quick); each selected item is then looked up on the interactive lane. Clicking a
 * neighbour opens it in the desk; "send these to the queue" puts them first in the review queue. Testable with a
 * same-thread executor and a hand-made {@link Finder}.
 */
public final class SimilarStripViewModel {
    /** Neighbours shown. */
    public static final int K = 8;

    /** Finds the items most like one item of an opened review. */
    @FunctionalInterface
    public interface Finder {
        List<Neighbour> nearest(int item, int k);
    }

    /** Makes the finder of an opened review (slow: embeds its data). */
    @FunctionalInterface
    public interface FinderMaker {
        Finder open(OpenedReview review, Progress progress) throws Exception;
    }

    private final ReviewViewModel review;
    private final FinderMaker maker;
    private final JobStatus job = new JobStatus("More like this: select an item of a wafer review");
    private final TaskSlot building;
    private final TaskSlot looking;
    private final ObservableList<Neighbour> neighbours = FXCollections.observableArrayList();
    private ReviewSession finderSession;
    private Finder finder;

    public SimilarStripViewModel(TaskExecutor executor, ReviewViewModel review) {
        this(executor, review, SimilarStripViewModel::waferFinder);
    }

    public SimilarStripViewModel(TaskExecutor executor, ReviewViewModel review, FinderMaker maker) {
        this.review = review;
        this.maker = maker;
        this.building = new TaskSlot(executor, job);
        this.looking = new TaskSlot(executor);
        review.sessionProperty().addListener((o, a, s) -> {
            building.cancel();
            finder = null;
            finderSession = null;
            neighbours.clear();
        });
    }

    /** The finder of a wafer review: the review model's embeddings of its maps and their index. */
    static Finder waferFinder(OpenedReview o, Progress progress) {
        ReviewFolder f = o.session().folder();
        try (WaferModel model = WaferModelBundle.load(f.modelPath())) {
            WaferSimilarity s = WaferSimilarity.open(model, f.modelPath(), o.wafer(),
                    f.definition().averageOverSymmetries(), progress);
            return s::nearest;
        }
    }

    /** Shows the neighbours of item {@code index} of the open review (builds the index first when needed). */
    public void show(int index) {
        OpenedReview o = review.opened();
        if (o == null || index < 0) {
            neighbours.clear();
            return;
        }
        if (o.wafer() == null) {
            neighbours.clear();
            job.statusProperty().set(o.sem() != null ? "More like this: wafer reviews only (SEM images have no "
                    + "embedding index here)" : "More like this: reading the review's data ...");
            return;
        }
        if (finder != null && finderSession == o.session()) {
            lookUp(finder, index);
            return;
        }
        if (building.isRunning()) {
            return; // the running build shows the item in front when it is done
        }
        building.run(BackgroundTask.of("Embedding " + o.wafer().size() + " maps for More like this",
                ctx -> maker.open(o, ctx)).onLane(TaskLane.WORK).onSuccess(made -> {
                    if (review.opened() != null && review.opened().session() == o.session()) {
                        finder = made;
                        finderSession = o.session();
                        job.statusProperty().set("More like this: " + K + " nearest of " + o.wafer().size()
                                + " maps (cosine, model embedding)");
                        lookUp(made, review.itemProperty().get());
                    }
                }).failureTitle("Cannot find similar maps")
                .cancelledText(() -> "More like this: cancelled (the embeddings done are kept)"));
    }

    private void lookUp(Finder f, int index) {
        if (index < 0) {
            return;
        }
        looking.run(BackgroundTask.of("Finding maps like " + index, ctx -> f.nearest(index, K))
                .onLane(TaskLane.INTERACTIVE).onSuccess(found -> {
                    if (review.itemProperty().get() == index) {
                        neighbours.setAll(found);
                    }
                }));
    }

    /** Opens a neighbour in the desk (in front of the queue when the queue does not hold it). */
    public void open(int item) {
        review.open(item);
    }

    /** Puts the neighbours shown first in the review queue. */
    public void sendToQueue() {
        review.sendToFront(neighbours.stream().mapToInt(Neighbour::item).toArray());
    }

    /** The neighbours of the item in front, most similar first. */
    public ObservableList<Neighbour> neighbours() {
        return neighbours;
    }

    /** What the strip is doing (building the index, with progress), or what it shows. */
    public JobStatus job() {
        return job;
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }

    /** Stops building the index; the embeddings done are kept in the cache. */
    public void cancel() {
        building.cancel();
    }

    public ReviewViewModel review() {
        return review;
    }
}
