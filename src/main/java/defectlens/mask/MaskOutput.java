package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.CarinthiaCsvWriter;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The output data set of validated masks, in the Carinthia-S layout that {@code dataset info} and
 * {@code explain evaluate} open as is: {@code FOLDER/data/carinthia-s.csv} listing each image with an accepted or
 * edited mask, {@code data/images/ID.EXT} (a copy of the source image; sources are never written) and
 * {@code data/masks/ID.png} (binary, 0 and 255). Every file is written through {@link OutputFile}: to a temporary
 * file, then moved into place.
 */
public final class MaskOutput {
    private final Path folder;
    private final Path data;

    public MaskOutput(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.data = this.folder.resolve("data");
    }

    public Path folder() {
        return folder;
    }

    /** The index file, {@code FOLDER/data/carinthia-s.csv}. */
    public Path csv() {
        return data.resolve(CarinthiaCsvWriter.CARINTHIA_S_CSV);
    }

    /** A file name stem made of the sample id that is safe on every file system. */
    static String stem(SemSample s) {
        String safe = s.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /** Writes the mask as a binary PNG (255 defect, 0 background); returns its path relative to the CSV. */
    public String writeMask(SemSample s, BinaryMask m) {
        byte[] px = new byte[m.width() * m.height()];
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                px[y * m.width() + x] = m.get(x, y) ? (byte) 255 : 0;
            }
        }
        ImageRaster r = ImageRaster.gray8(m.width(), m.height(), px);
        String rel = "masks/" + stem(s) + ".png";
        OutputFile.writeFile(data.resolve(rel), true, tmp -> SemImageWriter.write(r, tmp));
        return rel;
    }

    /** Copies the source image into {@code data/images} once; returns its path relative to the CSV. */
    public String placeImage(SemSample s) {
        String name = s.fileName();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        String rel = "images/" + stem(s) + ext;
        Path target = data.resolve(rel);
        if (!Files.isRegularFile(target)) {
            OutputFile.writeFile(target, false, tmp -> Files.copy(s.image(), tmp, StandardCopyOption.REPLACE_EXISTING));
        }
        return rel;
    }

    /** The Carinthia label (1..6) of a sample; a class outside the six cannot go into a Carinthia-S data set. */
    static int label(SemSample s) {
        return CarinthiaClass.parse(s.label()).map(CarinthiaClass::label).orElseThrow(() -> new DefectLensException(
                s.image(), "class '" + s.label() + "' is not one of the six Carinthia classes, so its mask cannot go"
                        + " into a Carinthia-S data set"));
    }

    /** Rewrites the index from the validated verdicts (the newest of each image). */
    public void writeIndex(Collection<MaskVerdict> validated) {
        List<CarinthiaCsvWriter.Row> rows = new ArrayList<>();
        for (MaskVerdict v : validated) {
            CarinthiaClass type = CarinthiaClass.parse(v.label()).orElse(CarinthiaClass.NO_DEFECT);
            String file = v.imagePath().substring(v.imagePath().lastIndexOf('/') + 1);
            String maskFile = v.maskPath().substring(v.maskPath().lastIndexOf('/') + 1);
            rows.add(new CarinthiaCsvWriter.Row(v.imagePath(), v.maskPath(), maskFile.substring(0,
                    maskFile.length() - 4), file, type));
        }
        CarinthiaCsvWriter.writeCarinthiaS(csv(), rows, true);
    }
}
