package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.mask.candidate.CandidateHints.SeedBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Boxes around the defects of many images, to seed {@code grabcut} (or prompt {@code sam2}) in batch: a CSV with
 * the header {@code filename;x;y;width;height} (';' or ','), one row per image, {@code filename} the image's file
 * name with or without its extension, the box in image pixels (left, top, width, height). Also parses the
 * {@code x,y,w,h} text of a single box.
 */
public final class SeedBoxFile {
    private static final List<String> HEADER = List.of("filename", "x", "y", "width", "height");

    private SeedBoxFile() {
    }

    /** The boxes of {@code csv} by file name (as written, and without its extension). */
    public static Map<String, SeedBox> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DefectLensException(csv, "cannot read the boxes: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new DefectLensException(csv, "is empty; expected the header " + String.join(";", HEADER));
        }
        String sep = lines.get(0).contains(";") ? ";" : ",";
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).split(sep));
        if (!header.stream().map(String::trim).toList().equals(HEADER)) {
            throw new DefectLensException(csv, "has the header '" + lines.get(0) + "'; expected "
                    + String.join(sep, HEADER));
        }
        Map<String, SeedBox> boxes = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(sep, -1);
            if (f.length != HEADER.size()) {
                throw new DefectLensException(csv, "line " + (i + 1) + " has " + f.length + " fields, not "
                        + HEADER.size());
            }
            String name = f[0].trim();
            SeedBox box;
            try {
                box = box(f[1], f[2], f[3], f[4]);
            } catch (IllegalArgumentException e) {
                throw new DefectLensException(csv, "line " + (i + 1) + ": " + e.getMessage());
            }
            if (boxes.put(name, box) != null) {
                throw new DefectLensException(csv, "line " + (i + 1) + ": a second box for " + name);
            }
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                boxes.putIfAbsent(name.substring(0, dot), box);
            }
        }
        return boxes;
    }

    /** A box from {@code x,y,w,h}; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static SeedBox parse(String spec) {
        String[] f = spec.split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a box is x,y,width,height, not '" + spec + "'");
        }
        return box(f[0], f[1], f[2], f[3]);
    }

    private static SeedBox box(String x, String y, String w, String h) {
        try {
            int[] v = {Integer.parseInt(x.trim()), Integer.parseInt(y.trim()), Integer.parseInt(w.trim()),
                Integer.parseInt(h.trim())};
            if (v[0] < 0 || v[1] < 0) {
                throw new IllegalArgumentException("a box starts inside the image, not at " + v[0] + "," + v[1]);
            }
            return new SeedBox(v[0], v[1], v[2], v[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a box needs whole pixel numbers: " + x + "," + y + "," + w + ","
                    + h);
        }
    }
}
