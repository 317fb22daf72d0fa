package defectlens.app.review;

import defectlens.dataset.SemDataset;
import defectlens.wafer.WaferDataset;

/** A review opened for one reviewer, with the data it is about: a SEM data set or wafer maps (the other null). */
public record OpenedReview(ReviewSession session, SemDataset sem, WaferDataset wafer) {
}
