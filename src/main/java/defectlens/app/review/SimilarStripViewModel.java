package defectlens.app.review;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.image.ArgbImage;
import defectlens.image.Thumbnails;
import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import defectlens.review.ReviewFolder;
import defectlens.review.embedding.Neighbour;
import defectlens.review.embedding.SemSimilarity;
import defectlens.review.embedding.WaferSimilarity;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMapPicture;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "More like this" for the item in front of the review desk: the {@value #K} items of the review's data most like
 * it in the model's embedding space (cosine; wafer maps: the input of the last dense layer; SEM images: the pooled
 * features at the explanation split), for a strip of thumbnails (made in the background with the lookup). The
 * embeddings and the index are made once per opened review in the background (progress and cancel in the strip's
 * status; cached in the user's cache so a second opening is quick); each selected item is then looked up on the
 * interactive lane. Clicking a neighbour opens it in the desk; "send these to the queue" puts them first in the
 * review queue. Testable with a same-thread executor and a hand-made {@link Finder}.
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
    private final JobStatus job = new JobStatus("More like this: select an item of the review");
    private final TaskSlot building;
    private final TaskSlot looking;
    private final ObservableList<Neighbour> neighbours = FXCollections.observableArrayList();
    private Map<Integer, ArgbImage> pictures = Map.of();
    private ReviewSession finderSession;
    private Finder finder;

    public SimilarStripViewModel(TaskExecutor executor, ReviewViewModel review) {
        this(executor, review, (o, progress) -> o.wafer() != null ? waferFinder(o, progress)
                : semFinder(o, progress));
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

    /** The finder of a SEM review: the review model's pooled split-layer embeddings of its images (exact search). */
    static Finder semFinder(OpenedReview o, Progress progress) {
        ReviewFolder f = o.session().folder();
        try (SplitClassifier model = ModelBundle.load(f.modelPath())) {
            return SemSimilarity.open(model, f.modelPath(), o.sem(), progress)::nearest;
        }
    }

    /** Shows the neighbours of item {@code index} of the open review (builds the index first when needed). */
    public void show(int index) {
        OpenedReview o = review.opened();
        if (o == null || index < 0) {
            neighbours.clear();
            return;
        }
        if (o.wafer() == null && o.sem() == null) {
            neighbours.clear();
            job.statusProperty().set("More like this: reading the review's data ...");
            return;
        }
        int size = o.wafer() != null ? o.wafer().size() : o.sem().size();
        String items = o.wafer() != null ? " maps" : " images";
        if (finder != null && finderSession == o.session()) {
            lookUp(finder, index);
            return;
        }
        if (building.isRunning()) {
            return; // the running build shows the item in front when it is done
        }
        building.run(BackgroundTask.of("Embedding " + size + items + " for More like this",
                ctx -> maker.open(o, ctx)).onLane(TaskLane.WORK).onSuccess(made -> {
                    if (review.opened() != null && review.opened().session() == o.session()) {
                        finder = made;
                        finderSession = o.session();
                        job.statusProperty().set("More like this: " + K + " nearest of " + size + items
                                + " (cosine, model embedding)");
                        lookUp(made, review.queue().itemProperty().get());
                    }
                }).failureTitle("Cannot find similar" + items)
                .cancelledText(() -> "More like this: cancelled (the embeddings done are kept)"));
    }

    private void lookUp(Finder f, int index) {
        if (index < 0) {
            return;
        }
        OpenedReview o = review.opened();
        looking.run(BackgroundTask.of("Finding items like " + index, ctx -> {
            List<Neighbour> found = f.nearest(index, K);
            return Map.entry(found, pictures(o, found));
        }).onLane(TaskLane.INTERACTIVE).onSuccess(found -> {
            if (review.queue().itemProperty().get() == index) {
                pictures = found.getValue();
                neighbours.setAll(found.getKey());
            }
        }));
    }

    /** The thumbnails of the neighbours (wafer map pictures, or SEM image thumbnails; none for an unreadable one). */
    private static Map<Integer, ArgbImage> pictures(OpenedReview o, List<Neighbour> found) {
        Map<Integer, ArgbImage> out = new HashMap<>();
        for (Neighbour n : found) {
            try {
                if (o.wafer() != null) {
                    WaferMap map = o.wafer().get(n.item());
                    out.put(n.item(), WaferMapPicture.render(map, WaferMapPicture.scaleFor(map, SimilarStrip.THUMB)));
                } else if (o.sem() != null) {
                    out.put(n.item(), Thumbnails.of(o.sem().samples().get(n.item()).image(), SimilarStrip.THUMB));
                }
            } catch (DefectLensException e) {
                continue; // an unreadable image gets no thumbnail; its row, label and decision still show
            }
        }
        return out;
    }

    /** The thumbnail of neighbour {@code item} made with the lookup; null when there is none. */
    public ArgbImage picture(int item) {
        return pictures.get(item);
    }

    /** Opens a neighbour in the desk (in front of the queue when the queue does not hold it). */
    public void open(int item) {
        review.queue().open(item);
    }

    /** Puts the neighbours shown first in the review queue. */
    public void sendToQueue() {
        review.queue().sendToFront(neighbours.stream().mapToInt(Neighbour::item).toArray());
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
