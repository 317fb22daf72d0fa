package defectlens.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What {@code review.json} holds: the review's id, its kind, the data set and the model it reviews (each with the
 * fingerprint that makes cached predictions valid), the queue, when it was created, the model's classes in order
 * (the relabel targets; the keys 1..9 follow this order) and, for wafer maps, whether the predictions are averaged
 * over the 8 turns / flips of the map (every run of the review classifies that way, so its rows never mix; null for
 * SEM images and for reviews made before it was recorded).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewDefinition(int format, String id, ReviewKind kind, DataRef data, ModelRef model, QueueSpec queue,
        String createdAt, List<String> classes, Boolean averageOverSymmetries) {
    /** The format this version writes and reads. */
    public static final int FORMAT = 1;

    public ReviewDefinition {
        classes = classes == null ? List.of() : List.copyOf(classes);
        queue = queue == null ? QueueSpec.of(QueueOrder.LEAST_CERTAIN) : queue;
    }

    /** The same review with another queue. */
    public ReviewDefinition withQueue(QueueSpec q) {
        return new ReviewDefinition(format, id, kind, data, model, q, createdAt, classes, averageOverSymmetries);
    }

    /** The same review with another data reference (a refreshed stamp). */
    public ReviewDefinition withData(DataRef d) {
        return new ReviewDefinition(format, id, kind, d, model, queue, createdAt, classes, averageOverSymmetries);
    }
}
