package defectlens.study;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The descriptive statistics of one method on one question, from the effective ratings: n, mean,
 * sample standard deviation, median (Commons Math), the number of ratings of 4 or more, and the
 * number of raters who agree, i.e. whose mean over the images for this method and question is 4 or
 * more (with one image per rater: who rated 4 or 5, the seed study's "5/9 experts").
 */
public record MethodQuestionStats(String method, String label, String question, int n,
        @JsonSerialize(using = NanAsNull.class) double mean,
        @JsonSerialize(using = NanAsNull.class) double sd,
        @JsonSerialize(using = NanAsNull.class) double median,
        int ratingsAtLeast4, int raters, int ratersAgreeing) {

    public static MethodQuestionStats of(String method, String label, String question, List<Rating> ratings) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        Map<String, DescriptiveStatistics> perRater = new TreeMap<>();
        int atLeast4 = 0;
        for (Rating r : ratings) {
            d.addValue(r.value());
            perRater.computeIfAbsent(r.rater(), k -> new DescriptiveStatistics()).addValue(r.value());
            if (r.value() >= 4) {
                atLeast4++;
            }
        }
        int agreeing = (int) perRater.values().stream().filter(s -> s.getMean() >= 4).count();
        long n = d.getN();
        return new MethodQuestionStats(method, label, question, (int) n, n == 0 ? Double.NaN : d.getMean(),
                n < 2 ? Double.NaN : d.getStandardDeviation(), n == 0 ? Double.NaN : d.getPercentile(50),
                atLeast4, perRater.size(), agreeing);
    }
}
