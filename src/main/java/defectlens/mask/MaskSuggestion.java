package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.core.Progress;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.CarinthiaCsvWriter;
import defectlens.dataset.DerivedDataset;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.image.SemImageWriter;
import defectlens.mask.candidate.CandidateGenerator;
import defectlens.mask.candidate.CandidateHints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Runs one candidate generator over every image of a data set and writes the candidates as a Carinthia-S data set
 * beside the source: {@code OUT/data/masks/ID.png} (binary, 0/255), {@code OUT/data/carinthia-s.csv} whose image
 * paths lead, relative to the CSV, to the SAME image files of the source (nothing is copied or overwritten) and a
 * {@code derived.json} naming the source ({@link DerivedDataset}), so {@code dataset info} and
 * {@code explain evaluate} open the result as it is. An image that cannot be read is reported and left out.
 */
public final class MaskSuggestion {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,150}");

    private final CandidateGenerator generator;
    private final BiFunction<SemSample, ImageRaster, CandidateHints> hints;

    /** Suggestions by {@code generator}, given for each image (and its pixels) the hints {@code hints} answers. */
    public MaskSuggestion(CandidateGenerator generator, BiFunction<SemSample, ImageRaster, CandidateHints> hints) {
        this.generator = generator;
        this.hints = hints;
    }

    /** What a run wrote: the folder, images with a candidate, of them non-empty, images left out. */
    public record Result(Path out, String method, int images, int nonEmpty, int skipped) {
    }

    /**
     * Writes the candidates of {@code data} into the new (or empty, or with {@code force} any) folder {@code out};
     * {@code onSkip} hears of every image that could not be read.
     */
    public Result write(SemDataset data, Path out, boolean force, Progress progress,
            BiConsumer<SemSample, DefectLensException> onSkip) {
        List<CarinthiaClass> classes = carinthiaClasses(data);
        Path target = physical(OutputFile.prepareFolder(out, force));
        Path dataDir = target.resolve("data");
        Path masks = dataDir.resolve("masks");
        try {
            Files.createDirectories(masks);
        } catch (IOException e) {
            throw OutputFile.problem(masks, e);
        }
        List<CarinthiaCsvWriter.Row> rows = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int nonEmpty = 0;
        int skipped = 0;
        List<SemSample> samples = data.samples();
        for (int i = 0; i < samples.size(); i++) {
            progress.throwIfCancelled("mask suggest");
            SemSample s = samples.get(i);
            BinaryMask candidate;
            try {
                ImageRaster image = SemImageReader.read(s.image());
                candidate = generator.generate(image, hints.apply(s, image));
            } catch (DefectLensException e) {
                onSkip.accept(s, e);
                skipped++;
                progress.update(i + 1, samples.size(), s.id());
                continue;
            }
            String name = freeName(s.id(), i, taken);
            SemImageWriter.write(raster(candidate), masks.resolve(name + ".png"));
            if (!candidate.isEmpty()) {
                nonEmpty++;
            }
            rows.add(new CarinthiaCsvWriter.Row(relative(dataDir, s.image()), "masks/" + name + ".png", s.id(),
                    s.fileName(), classes.get(i)));
            progress.update(i + 1, samples.size(), s.id());
        }
        if (rows.isEmpty() && skipped > 0) {
            throw new DefectLensException(data.root(), "none of the " + samples.size() + " images could be read");
        }
        CarinthiaCsvWriter.writeCarinthiaS(dataDir.resolve(CarinthiaCsvWriter.CARINTHIA_S_CSV), rows, force);
        CarinthiaCsvWriter.writeCarinthia(dataDir.resolve(CarinthiaCsvWriter.CARINTHIA_CSV), rows, force);
        Path marker = target.resolve(DerivedDataset.MARKER);
        if (force) {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                throw OutputFile.problem(marker, e);
            }
        }
        DerivedDataset.write(target, physical(data.root()), "mask suggest --method " + generator.name());
        return new Result(target, generator.name(), rows.size(), nonEmpty, skipped);
    }

    /** A mask as an 8-bit gray image: 255 on the defect, 0 elsewhere. */
    public static ImageRaster raster(BinaryMask mask) {
        byte[] b = new byte[mask.width() * mask.height()];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y)) {
                    b[y * mask.width() + x] = (byte) 255;
                }
            }
        }
        return ImageRaster.gray8(mask.width(), mask.height(), b);
    }

    /** The Carinthia class of every sample: a Carinthia-S set needs one per image. */
    private static List<CarinthiaClass> carinthiaClasses(SemDataset data) {
        List<CarinthiaClass> classes = new ArrayList<>();
        for (SemSample s : data.samples()) {
            String label = s.label();
            if (label == null) {
                throw new DefectLensException(s.image(), "has no class; mask suggest writes a Carinthia-S data "
                        + "set, which needs a class (1..6) for every image");
            }
            classes.add(CarinthiaClass.parse(label).orElseThrow(() -> new DefectLensException(s.image(),
                    "class '" + label + "' is not a Carinthia class (1..6 or " + List.of(CarinthiaClass.values())
                            + "); mask suggest writes a Carinthia-S data set")));
        }
        if (classes.isEmpty()) {
            throw new DefectLensException(data.root(), "the data set lists no images");
        }
        return classes;
    }

    /** The sample's id when it is a plain file name not used yet, else a numbered name. */
    private static String freeName(String id, int index, Set<String> taken) {
        String name = SAFE_NAME.matcher(id).matches() && !id.endsWith(".") ? id
                : String.format(Locale.ROOT, "candidate_%06d", index + 1);
        String base = name;
        for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = base + "-" + k;
        }
        return name;
    }

    private static String relative(Path fromFolder, Path file) {
        try {
            return fromFolder.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(file, "cannot be referred to by a relative path from " + fromFolder
                    + " (another drive?)");
        }
    }

    private static Path physical(Path p) {
        try {
            return p.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            throw new DefectLensException(p, "the folder cannot be resolved: " + e.getMessage(), e);
        }
    }
}
