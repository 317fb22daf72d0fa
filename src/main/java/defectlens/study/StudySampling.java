package defectlens.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How a study draws its images from a data set: {@code count} images in all or, when {@code perClass}, that many
 * of every class (0 = all), shuffled with {@code seed}, optionally only images that have a ground-truth mask.
 * The draw is reproducible: the same candidates, count and seed give the same images.
 */
public record StudySampling(int count, boolean perClass, long seed, boolean onlyWithMasks) {

    /** {@code count} images in all (0 = every image), no class or mask condition. */
    public static StudySampling inAll(int count, long seed) {
        return new StudySampling(count, false, seed, false);
    }

    /** The chosen candidates, in the order of the seeded shuffle. */
    public List<StudyCreator.Candidate> choose(List<StudyCreator.Candidate> candidates) {
        List<StudyCreator.Candidate> pool = new ArrayList<>();
        for (StudyCreator.Candidate c : candidates) {
            if (!onlyWithMasks || c.hasMask()) {
                pool.add(c);
            }
        }
        Collections.shuffle(pool, new Random(seed));
        if (!perClass) {
            return count <= 0 ? pool : pool.subList(0, Math.min(count, pool.size()));
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<StudyCreator.Candidate> chosen = new ArrayList<>();
        for (StudyCreator.Candidate c : pool) {
            String label = c.label() == null ? "" : c.label();
            int n = taken.merge(label, 1, Integer::sum);
            if (count <= 0 || n <= count) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    /** In words, e.g. "1 image per class, seed 5, only images with masks". */
    public String describe() {
        String n = count <= 0 ? "all images" : count + (count == 1 ? " image" : " images");
        return n + (perClass ? " per class" : "") + ", seed " + seed + (onlyWithMasks ? ", only images with masks" : "");
    }
}
