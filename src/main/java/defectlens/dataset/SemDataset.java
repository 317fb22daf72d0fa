package defectlens.dataset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listed SEM data set: where it is, how it is laid out, its samples in file order and its class
 * names in label order. Opening one reads only the listing (CSV or folders), never the images.
 */
public record SemDataset(Path root, DatasetLayout layout, List<SemSample> samples, List<String> classes) {
    public SemDataset {
        samples = List.copyOf(samples);
        classes = List.copyOf(classes);
    }

    public int size() {
        return samples.size();
    }

    /** Images per class, in class order (classes without images included with 0). */
    public Map<String, Integer> classCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : classes) {
            counts.put(c, 0);
        }
        for (SemSample s : samples) {
            if (s.label() != null) {
                counts.merge(s.label(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Number of samples that have a ground-truth mask file. */
    public int maskCount() {
        int n = 0;
        for (SemSample s : samples) {
            if (s.mask() != null) {
                n++;
            }
        }
        return n;
    }

    /** A display name: the folder name. */
    public String name() {
        Path f = root.getFileName();
        return f == null ? root.toString() : f.toString();
    }
}
