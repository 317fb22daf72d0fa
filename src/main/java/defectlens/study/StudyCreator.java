package defectlens.study;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a study folder from a data set: draws the images ({@link StudySampling}), blinds the methods in the order
 * given (unless the design turns blinding off), and writes {@code study.json}. The data-set folder and the model
 * folder are stored relative to the study folder, so they can move together.
 */
public final class StudyCreator {
    /** An image the study may pick: its id in the data set, its file, its class (null: none) and whether it has a mask. */
    public record Candidate(String id, Path image, String label, boolean hasMask) {
        /** An image without class or mask. */
        public Candidate(String id, Path image) {
            this(id, image, null, false);
        }
    }

    private StudyCreator() {
    }

    /**
     * The study of {@code images} of the {@code candidates} (in the data set's order, the shuffle starts from it)
     * of the data set in folder {@code dataRoot}.
     */
    public static StudyPlan create(Path dataRoot, List<Candidate> candidates, List<String> methods, int images,
            long seed, ModelRef model, Questionnaire questionnaire, Path studyDir) {
        return create(dataRoot, candidates, new StudyDesign(methods, StudySampling.inAll(images, seed), model,
                questionnaire, List.of(), true, false), studyDir);
    }

    /** The study {@code design} of the {@code candidates} of the data set in folder {@code dataRoot}. */
    public static StudyPlan create(Path dataRoot, List<Candidate> candidates, StudyDesign design, Path studyDir) {
        List<String> methods = design.methods();
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
        design.raters().forEach(StudyFolder::checkRater);
        List<Candidate> samples = design.sampling().choose(candidates);
        if (samples.isEmpty()) {
            throw new DefectLensException(dataRoot, "no image of the data set fits the sampling ("
                    + design.sampling().describe() + ")");
        }
        Path root = dataRoot.toAbsolutePath().normalize();
        List<StudyImage> chosen = new ArrayList<>();
        for (Candidate s : samples) {
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
        ModelRef model = design.model();
        if (model.folder() != null) {
            model = new ModelRef(model.name(), model.version(), relative(dir, Path.of(model.folder())));
        }
        Map<String, String> blinding = design.blinded() ? StudyPlan.blindingOf(methods)
                : StudyPlan.namedAfterMethods(methods);
        StudyPlan plan = new StudyPlan(studyId, Instant.now().toString(), dataset.isEmpty() ? "." : dataset, model,
                methods, blinding, chosen, design.questionnaire(), design.sampling().seed(), design.raters(),
                design.blinded(), design.showClass(), design.sampling());
        plan.save(planFile);
        return plan;
    }

    private static String relative(Path dir, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            String r = dir.relativize(abs).toString().replace('\\', '/');
            return r.isEmpty() ? "." : r;
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
