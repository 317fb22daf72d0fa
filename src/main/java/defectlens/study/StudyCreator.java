package defectlens.study;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes a study folder from a data set: picks {@code images} samples (all when 0) with a seeded
 * shuffle, blinds the methods in the order given, and writes {@code study.json}. The data-set folder
 * is stored relative to the study folder, so both can move together.
 */
public final class StudyCreator {
    /** An image the study may pick: its id in the data set and its file. */
    public record Candidate(String id, Path image) {
    }

    private StudyCreator() {
    }

    /**
     * The study of {@code images} of the {@code candidates} (in the data set's order, the shuffle starts from it)
     * of the data set in folder {@code dataRoot}.
     */
    public static StudyPlan create(Path dataRoot, List<Candidate> candidates, List<String> methods, int images,
            long seed, ModelRef model, Questionnaire questionnaire, Path studyDir) {
        if (methods.isEmpty() || methods.stream().anyMatch(m -> !m.matches("[A-Za-z0-9._-]+"))) {
            throw new DefectLensException("methods must be names of letters, digits, '.', '_' or '-': " + methods);
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new DefectLensException("a method is named twice: " + methods);
        }
        if (candidates.isEmpty()) {
            throw new DefectLensException(dataRoot, "the data set has no images");
        }
        Path dir = studyDir.toAbsolutePath().normalize();
        Path planFile = dir.resolve(StudyFolder.PLAN_FILE);
        OutputFile.checkFolder(dir, true);
        if (Files.exists(planFile)) {
            throw new DefectLensException(planFile, "a study already exists here; choose another --out folder");
        }
        List<Candidate> samples = new ArrayList<>(candidates);
        Collections.shuffle(samples, new Random(seed));
        int n = images <= 0 ? samples.size() : Math.min(images, samples.size());
        Path root = dataRoot.toAbsolutePath().normalize();
        List<StudyImage> chosen = new ArrayList<>();
        for (Candidate s : samples.subList(0, n)) {
            chosen.add(new StudyImage(s.id(), root.relativize(s.image().toAbsolutePath().normalize()).toString().replace('\\', '/')));
        }
        chosen.sort((a, b) -> a.id().compareTo(b.id()));
        String studyId = dir.getFileName() + "-" + Long.toHexString(Instant.now().toEpochMilli());
        String dataset;
        try {
            Files.createDirectories(dir);
            dataset = dir.relativize(root).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot create the study folder: " + OutputFile.reason(e), e);
        } catch (IllegalArgumentException e) {
            dataset = root.toString();
        }
        StudyPlan plan = new StudyPlan(studyId, Instant.now().toString(), dataset.isEmpty() ? "." : dataset, model,
                methods, StudyPlan.blindingOf(methods), chosen, questionnaire, seed);
        plan.save(planFile);
        return plan;
    }
}
