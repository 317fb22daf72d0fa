package defectlens.cli.wafer;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.augment.AutoEncoderTraining;
import defectlens.wafer.augment.ConvAutoEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The auto-encoder options that {@code wafer augment}, {@code wafer train --variant bseml --case 2|3|4} and
 * {@code wafer experiment --method bseml} share: a saved auto-encoder folder to use (or to train one into) and the
 * number of epochs a new one is trained for. A picocli mixin.
 */
public final class AutoEncoderOptions {
    @Option(names = "--cae-epochs", paramLabel = "E",
            description = "epochs of a newly trained auto-encoder (default 10)")
    Integer epochs;

    /** The training settings with this command line's epochs and the given seed. */
    AutoEncoderTraining training(long seed) {
        AutoEncoderTraining t = AutoEncoderTraining.DEFAULTS.withSeed(seed);
        if (epochs == null) {
            return t;
        }
        if (epochs < 1 || epochs > 1000) {
            throw new DefectLensException("--cae-epochs must be from 1 to 1000, not " + epochs);
        }
        return t.withEpochs(epochs);
    }

    /**
     * Checks a {@code --model}/{@code --cae} folder before any work: one holding {@code cae.json} is read later,
     * an empty or missing one will receive the trained auto-encoder, anything else is refused.
     */
    static void checkFolder(Path dir) {
        if (dir == null || ConvAutoEncoder.isSaved(dir)) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DefectLensException(dir, "not a folder (an auto-encoder is a folder with cae.json)");
        }
        try (var entries = Files.isDirectory(dir) ? Files.list(dir) : null) {
            if (entries != null && entries.findAny().isPresent()) {
                throw new DefectLensException(dir, "has no cae.json but is not empty; give a saved auto-encoder "
                        + "folder, or a new or empty folder to train one into");
            }
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The auto-encoder for {@code maps}: read from {@code dir} when it holds one, else trained (and saved into
     * {@code dir} when given).
     */
    static ConvAutoEncoder obtain(Path dir, AutoEncoderTraining settings, List<WaferMap> maps, Consumer<String> log,
            Progress progress) {
        if (dir != null && ConvAutoEncoder.isSaved(dir)) {
            log.accept("auto-encoder from " + dir);
            return ConvAutoEncoder.load(dir);
        }
        log.accept("training the auto-encoder on " + maps.size() + " maps, " + settings.epochs() + " epochs");
        ConvAutoEncoder cae = settings.train(maps, log, progress);
        if (dir != null) {
            cae.save(dir);
            log.accept("auto-encoder saved in " + dir);
        }
        return cae;
    }

    /** The labelled maps of a data set. */
    static List<WaferMap> labelled(WaferDataset dataset) {
        return dataset.maps().stream().filter(WaferMap::isLabelled).toList();
    }
}
