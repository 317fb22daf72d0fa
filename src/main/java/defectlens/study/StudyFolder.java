package defectlens.study;

import defectlens.journal.JournalReport;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The folder of a study: {@code study.json} (the plan), one journal per rater
 * ({@code journal-<rater>.jsonl}) and optional explanation pictures ({@code explanations/<method>/<image>.png}).
 */
public final class StudyFolder {
    public static final String PLAN_FILE = "study.json";
    private static final Pattern RATER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path dir;
    private final StudyPlan plan;

    private StudyFolder(Path dir, StudyPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    public static StudyFolder open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new DefectLensException(d, "study folder not found");
        }
        return new StudyFolder(d, StudyPlan.load(d.resolve(PLAN_FILE)));
    }

    /** Rater ids become file names: letters, digits, '.', '_' and '-', at most 64 characters. */
    public static String checkRater(String rater) {
        if (!isRaterId(rater)) {
            throw new DefectLensException("invalid rater id '" + rater
                    + "': use letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit");
        }
        return rater;
    }

    /** True when a rater id is usable as part of a journal file name. */
    public static boolean isRaterId(String rater) {
        return rater != null && RATER_ID.matcher(rater).matches();
    }

    public Path dir() {
        return dir;
    }

    public StudyPlan plan() {
        return plan;
    }

    public Path journalFile(String rater) {
        return dir.resolve("journal-" + checkRater(rater) + ".jsonl");
    }

    /** Opens (and if needed repairs) the journal of a rater for writing. */
    public RatingJournal openJournal(String rater) {
        return RatingJournal.open(journalFile(rater));
    }

    public List<Path> journalFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "journal-*.jsonl")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot list the journals: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /**
     * Every journal of the folder read without locking and checked against the plan: the accepted
     * ratings and every refused line (damaged, another study, outside the scale or the plan).
     */
    public JournalReport<Rating> check() {
        return new JournalValidation(plan).check(journalFiles());
    }

    /** The accepted ratings of this study from every journal in the folder (see {@link #check()}). */
    public RatingSet ratings() {
        return RatingSet.of(check().accepted());
    }

    public ExplanationSource explanations() {
        return new FolderExplanationSource(dir);
    }

    /** Where the picture of {@code method}'s explanation of image {@code imageId} is stored. */
    public Path pictureFile(String method, String imageId) {
        return dir.resolve("explanations").resolve(method).resolve(imageId + ".png");
    }

    /** The image file of every study image, by id, in plan order. */
    public java.util.Map<String, Path> imageFiles() {
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        plan.images().forEach(i -> files.put(i.id(), plan.imageFile(dir, i.id())));
        return files;
    }

    /** The data-set folder of the plan, resolved against this folder. */
    public Path datasetDir() {
        return dir.resolve(plan.dataset()).normalize();
    }

    /** The model bundle folder the plan names, resolved against this folder (empty when the plan names none). */
    public java.util.Optional<Path> modelDir() {
        ModelRef m = plan.model();
        return m == null || m.folder() == null ? java.util.Optional.empty()
                : java.util.Optional.of(dir.resolve(m.folder()).normalize());
    }

    /** True when the item's explanation picture is there: only then can it be rated. */
    public boolean available(StudyItem item) {
        return explanations().explanationFor(item.method(), item.imageId()).isPresent();
    }

    /** Every item (image, method) of the plan whose picture is missing, in plan order; such items cannot be rated. */
    public List<StudyItem> unavailableItems() {
        List<StudyItem> missing = new ArrayList<>();
        for (StudyImage img : plan.images()) {
            for (String m : plan.methods()) {
                StudyItem item = new StudyItem(img.id(), m);
                if (!available(item)) {
                    missing.add(item);
                }
            }
        }
        return missing;
    }

    /** The classes the pictures explain, by image id (see {@link ExplainedClasses}). */
    public ExplainedClasses explainedClasses() {
        return ExplainedClasses.in(dir.resolve("explanations"));
    }
}
