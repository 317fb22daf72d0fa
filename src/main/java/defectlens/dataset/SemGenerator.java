package defectlens.dataset;

import defectlens.core.DefectLensException;
import defectlens.core.ParallelBatches;
import defectlens.core.Progress;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a Carinthia look-alike SEM data set in the Carinthia-S layout:
 * {@code OUT/data/images/sem_000001.jpg} (8-bit grey JPEG), {@code OUT/data/masks/sem_000001.png}
 * (binary PNG, 255 = defect), {@code OUT/data/carinthia-s.csv} and {@code OUT/data/carinthia.csv}.
 * Image {@code i} depends only on the seed and {@code i}, never on the number of threads.
 */
public final class SemGenerator {
    /** Default frame size of Carinthia images. */
    public static final int DEFAULT_SIZE = 480;
    /** Default JPEG quality. */
    public static final int DEFAULT_JPEG_QUALITY = 92;

    private final int size;
    private final int jpegQuality;
    private final int threads;
    private final SemVariety variety;

    /** A generator of the standard variety. */
    public SemGenerator(int size, int jpegQuality, int threads) {
        this(size, jpegQuality, threads, SemVariety.STANDARD);
    }

    /**
     * @param size frame size in pixels (square)
     * @param jpegQuality JPEG quality 1-100
     * @param threads worker threads (at least 1)
     * @param variety how widely frames vary
     */
    public SemGenerator(int size, int jpegQuality, int threads, SemVariety variety) {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, not " + jpegQuality);
        }
        this.size = size;
        this.jpegQuality = jpegQuality;
        this.threads = Math.max(1, threads);
        this.variety = variety;
    }

    /** The seed of image {@code index} (0-based) of a run with {@code seed}. */
    public static long imageSeed(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** The file name stem of image {@code index} (0-based), e.g. {@code sem_000001}. */
    public static String stem(int index) {
        return String.format(Locale.ROOT, "sem_%06d", index + 1);
    }

    /**
     * Writes the data set under {@code out/data} on {@code threads} workers ({@link ParallelBatches});
     * {@code progress} counts images in twentieths of the set; once it is cancelled the images not yet started
     * are skipped and the run ends in a {@link java.util.concurrent.CancellationException} (the CSV is not
     * written).
     */
    public SemGenerationSummary generate(Path out, ClassQuota quota, long seed, Progress progress) {
        Path data = out.resolve("data");
        Path images = data.resolve("images");
        Path masks = data.resolve("masks");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DefectLensException(out, "is a file, not a folder to write the data set into");
        }
        try {
            Files.createDirectories(images);
            Files.createDirectories(masks);
        } catch (IOException e) {
            throw new DefectLensException(data, "cannot create the data-set folders: " + e.getMessage(), e);
        }
        CarinthiaClass[] plan = quota.plan();
        SemImageSynthesizer synthesizer = new SemImageSynthesizer(size, variety);
        List<CarinthiaCsvWriter.Entry> entries = new ArrayList<>(plan.length);
        for (int i = 0; i < plan.length; i++) {
            entries.add(new CarinthiaCsvWriter.Entry(stem(i), plan[i]));
        }
        int step = Math.max(1, plan.length / 20);
        ParallelBatches pipeline = new ParallelBatches(threads, "sem-generator");
        int written;
        try {
            written = pipeline.run(plan.length, step, 1, (from, to) -> from, index -> {
                progress.throwIfCancelled("generating images");
                SyntheticSemImage s = synthesizer.synthesize(imageSeed(seed, index), plan[index]);
                CarinthiaCsvWriter.Entry e = entries.get(index);
                SemImageWriter.write(ImageRaster.gray8(s.width(), s.height(), s.image()), data.resolve(e.imagePath()),
                        jpegQuality);
                SemImageWriter.write(ImageRaster.gray8(s.width(), s.height(), s.mask()), data.resolve(e.maskPath()));
                return index;
            }, (from, to, results) -> progress.update(to, plan.length, to + "/" + plan.length + " images"), progress);
        } catch (IOException e) {
            throw new DefectLensException(data, "cannot write the data set: " + e.getMessage(), e);
        }
        if (written < plan.length) {
            progress.throwIfCancelled("generating images");
        }
        CarinthiaCsvWriter.write(data, entries);
        return new SemGenerationSummary(data, plan.length, quota.counts(), plan.length);
    }
}
