package defectlens.explain.metrics;

import java.util.List;

/** Mean and sample standard deviation of a metric over images (sd 0 for fewer than two values, NaN for none). */
public record MetricSummary(double mean, double sd, int n) {
    public static MetricSummary of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new MetricSummary(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MetricSummary(mean, n < 2 ? 0 : Math.sqrt(ss / (n - 1)), n);
    }
}
