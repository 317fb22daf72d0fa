package defectlens.cli;

import defectlens.core.DefectLensException;
import defectlens.dataset.SemSample;
import defectlens.dataset.SkippedSample;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The images a batch command ({@code sem classify --data}, {@code explain evaluate},
 * {@code study explanations}) could not read: each is reported on stderr as it happens
 * ({@code warning: skipped FILE: problem}) and listed under {@code skipped} in the JSON document,
 * while the run goes on with the rest. Only when no image at all could be read does the command fail.
 */
public final class SkippedImages {
    private final PrintWriter err;
    private final List<SkippedSample> skipped = new ArrayList<>();
    private TerminalProgress progress;

    public SkippedImages(PrintWriter err) {
        this.err = err;
    }

    /** From now on warnings go below this progress line, which is drawn again afterwards. */
    public void below(TerminalProgress progress) {
        this.progress = progress;
    }

    /** Records and reports one unreadable image (once, however often it is met). */
    public void add(SkippedSample s) {
        if (skipped.stream().anyMatch(k -> k.id().equals(s.id()) && Objects.equals(k.file(), s.file()))) {
            return;
        }
        skipped.add(s);
        if (progress != null) {
            progress.println("warning: skipped " + s.reason());
        } else {
            err.println("warning: skipped " + s.reason());
            err.flush();
        }
    }

    /** Records the failure to read the image (or mask) of a sample. */
    public void add(SemSample s, DefectLensException e) {
        add(new SkippedSample(s.id(), e.file() != null ? e.file() : s.image(), e.getMessage()));
    }

    /** Whether the image or mask of {@code s} was skipped. */
    public boolean contains(SemSample s) {
        return skipped.stream().anyMatch(k -> k.id().equals(s.id()) && (Objects.equals(k.file(), s.image())
                || Objects.equals(k.file(), s.mask())));
    }

    public List<SkippedSample> all() {
        return List.copyOf(skipped);
    }

    public int count() {
        return skipped.size();
    }

    /** Fails the command when nothing was done although {@code total} images were asked for. */
    public void requireSomeRead(Path source, int done, int total) {
        if (done == 0 && total > 0 && !skipped.isEmpty()) {
            throw new DefectLensException(source, "none of the " + total + " images could be read (" + skipped.size()
                    + " skipped; the first: " + skipped.get(0).reason() + ")");
        }
    }

    /** The JSON form: one object per skipped image with its id, file and reason. */
    public List<Map<String, Object>> json() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SkippedSample s : skipped) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("file", s.file() == null ? null : s.file().toString());
            row.put("reason", s.reason());
            rows.add(row);
        }
        return rows;
    }
}
