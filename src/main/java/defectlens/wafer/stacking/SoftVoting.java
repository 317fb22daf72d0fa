package defectlens.wafer.stacking;

import java.util.List;

/** Soft voting: the mean of several classifiers' class probabilities. */
public final class SoftVoting implements ProbabilityClassifier {
    private final List<ProbabilityClassifier> members;

    public SoftVoting(List<ProbabilityClassifier> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public double[][] probabilities(double[][] x) {
        double[][] sum = null;
        for (ProbabilityClassifier m : members) {
            double[][] p = m.probabilities(x);
            if (sum == null) {
                sum = p;
            } else {
                for (int i = 0; i < p.length; i++) {
                    for (int c = 0; c < p[i].length; c++) {
                        sum[i][c] += p[i][c];
                    }
                }
            }
        }
        for (double[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= members.size();
            }
        }
        return sum;
    }
}
