package defectlens.wafer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which shipped wafer bundle does what. Whole files ({@code wafer classify} without {@code --model}, the
 * window's "classify all") go to the fast student {@code wafer-student-<set>} (one narrow network, one pass per
 * map) when it ships; single maps and a model named by the user go to the accurate ensemble
 * {@code wafer-proposed-<set>} (two networks, averaged over the 8 turns / flips of each map). Without a student
 * for the class set, whole files fall back to the ensemble.
 */
public final class WaferDefaultModels {
    /** The folder of the shipped bundles, relative to the program ({@code defectlens.core.ShippedFiles}). */
    public static final String FOLDER = "models";

    private WaferDefaultModels() {
    }

    /** The accurate bundle of a class set: {@code wafer-proposed-<set>}. */
    public static Path ensemble(Path models, WaferClassSet set) {
        return models.resolve("wafer-proposed-" + set.id());
    }

    /** The fast student of a class set: {@code wafer-student-<set>} (it may not exist). */
    public static Path student(Path models, WaferClassSet set) {
        return models.resolve("wafer-student-" + set.id());
    }

    /** The bundle that classifies whole files: the student if it is there, else the ensemble (if there). */
    public static Optional<Path> forWholeFiles(Path models, WaferClassSet set) {
        Path student = student(models, set);
        if (Files.isRegularFile(student.resolve(WaferModelBundle.METADATA))) {
            return Optional.of(student);
        }
        Path ensemble = ensemble(models, set);
        return Files.isRegularFile(ensemble.resolve(WaferModelBundle.METADATA)) ? Optional.of(ensemble)
                : Optional.empty();
    }
}
