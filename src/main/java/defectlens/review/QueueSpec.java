package defectlens.review;

/**
 * The queue of a review: its order, whether decided items are left out, the confusion cell ({@code cellTruth} row,
 * {@code cellPredicted} column), the class of {@link QueueOrder#BY_CLASS}, and the size, seed and confidence floor
 * of an {@link QueueOrder#AUDIT} sample. Fields that an order does not use are null.
 */
public record QueueSpec(QueueOrder order, boolean undecidedOnly, String cellTruth, String cellPredicted,
        String className, Integer auditSize, Long auditSeed, Double auditMinConfidence) {
    public QueueSpec {
        order = order == null ? QueueOrder.LEAST_CERTAIN : order;
    }

    /** A queue in the given order with nothing else set. */
    public static QueueSpec of(QueueOrder order) {
        return new QueueSpec(order, false, null, null, null, null, null, null);
    }

    public QueueSpec undecidedOnly(boolean only) {
        return new QueueSpec(order, only, cellTruth, cellPredicted, className, auditSize, auditSeed, auditMinConfidence);
    }

    /** The items labelled (or decided) {@code truth} and predicted {@code predicted}. */
    public static QueueSpec cell(String truth, String predicted) {
        return new QueueSpec(QueueOrder.CONFUSION_CELL, false, truth, predicted, null, null, null, null);
    }

    /** The items predicted as {@code className}, least certain first. */
    public static QueueSpec byClass(String className) {
        return new QueueSpec(QueueOrder.BY_CLASS, false, null, null, className, null, null, null);
    }

    /** A seeded random sample of {@code size} items predicted with at least {@code minConfidence}. */
    public static QueueSpec audit(int size, long seed, double minConfidence) {
        return new QueueSpec(QueueOrder.AUDIT, false, null, null, null, size, seed, minConfidence);
    }
}
