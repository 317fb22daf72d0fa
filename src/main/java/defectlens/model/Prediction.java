package defectlens.model;

import java.util.List;

/**
 * A model's answer for one image: the top classes (most probable first) and the full probability
 * vector in class order.
 */
public record Prediction(String id, List<ClassProbability> top, double[] probabilities) {
    public Prediction {
        top = List.copyOf(top);
    }

    /** The predicted class. */
    public String label() {
        return top.get(0).label();
    }

    public double confidence() {
        return top.get(0).probability();
    }
}
