package defectlens.dataset;

import defectlens.image.ImageRaster;
import defectlens.image.SemImageWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small real data-set folders (images, masks, CSV) for tests. */
public final class SampleDatasets {
    private SampleDatasets() {
    }

    /** A 32x32 gray image with a bright square at (x0, y0) of size s, and its mask. */
    static ImageRaster square(int x0, int y0, int s, boolean mask) {
        byte[] px = new byte[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean in = x >= x0 && x < x0 + s && y >= y0 && y < y0 + s;
                px[y * 32 + x] = (byte) (mask ? (in ? 255 : 0) : (in ? 220 : 40 + x));
            }
        }
        return ImageRaster.gray8(32, 32, px);
    }

    /** A Carinthia-S folder with {@code perClass} images of each of the six classes; returns the folder. */
    public static Path carinthiaS(Path root, int perClass, boolean bom) throws IOException {
        Path data = root.resolve("data");
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append("image_path;mask_path;filename;label\n");
        int n = 0;
        for (CarinthiaClass c : CarinthiaClass.values()) {
            for (int i = 0; i < perClass; i++, n++) {
                String id = String.format("img_%04d", n);
                boolean defect = c != CarinthiaClass.NO_DEFECT;
                SemImageWriter.write(square(4 + i, 6, defect ? 8 : 0, false), data.resolve("images/" + id + ".jpg"));
                SemImageWriter.write(square(4 + i, 6, defect ? 8 : 0, true), data.resolve("masks/" + id + ".png"));
                csv.append("images/").append(id).append(".jpg;masks/").append(id).append(".png;").append(id).append(';')
                        .append(c.label()).append('\n');
            }
        }
        Files.writeString(data.resolve("carinthia-s.csv"), csv, StandardCharsets.UTF_8);
        return root;
    }

    /** A Carinthia folder (no masks). */
    public static Path carinthia(Path root, int perClass) throws IOException {
        Path data = root.resolve("data");
        StringBuilder csv = new StringBuilder("\uFEFFimage_path;file_name;label\n");
        int n = 0;
        for (CarinthiaClass c : CarinthiaClass.values()) {
            for (int i = 0; i < perClass; i++, n++) {
                String name = String.format("c_%04d.jpg", n);
                SemImageWriter.write(square(2 + i, 3, 6, false), data.resolve("images/" + name));
                csv.append("images/").append(name).append(';').append(name).append(';').append(c.label()).append('\n');
            }
        }
        Files.writeString(data.resolve("carinthia.csv"), csv, StandardCharsets.UTF_8);
        return root;
    }
}
