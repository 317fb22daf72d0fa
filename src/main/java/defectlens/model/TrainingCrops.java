package defectlens.model;

import java.util.Random;

/**
 * Where the crop of one training image lies in an epoch, and its label: around the defect's bounding box for a
 * defect image (the box inside the crop with a small margin; a box larger than the crop is centred), anywhere for
 * an image without a mask, now and then clear of the defect with the background label ({@link CropTraining}).
 * Without a random source (validation) the crop is the deterministic one around the defect or in the centre.
 */
final class TrainingCrops {
    /** Pixels kept between a defect and the crop's border, and between a defect and a background crop. */
    static final int MARGIN = 8;
    /** Tries to find a background crop clear of the defect before giving up for this image and epoch. */
    private static final int BACKGROUND_TRIES = 20;

    private final TrainingImages images;
    private final CropTraining crops;
    private final int backgroundIndex;

    /** One crop: its top-left corner in the frame and its class index. */
    record Crop(int x, int y, int label) {
    }

    TrainingCrops(TrainingImages images, CropTraining crops) {
        this.images = images;
        this.crops = crops;
        this.backgroundIndex = images.classes.indexOf(crops.background());
    }

    Crop pick(int i, Random random) {
        int frame = images.size;
        int w = crops.window();
        int[] box = images.boxes[i];
        int label = images.labels[i];
        if (random != null && box != null && backgroundIndex >= 0 && random.nextDouble() < crops.backgroundShare()) {
            for (int t = 0; t < BACKGROUND_TRIES; t++) {
                int x = random.nextInt(frame - w + 1);
                int y = random.nextInt(frame - w + 1);
                if (clear(x, y, w, box)) {
                    return new Crop(x, y, backgroundIndex);
                }
            }
        }
        if (box == null) {
            if (random == null) {
                return new Crop((frame - w) / 2, (frame - w) / 2, label);
            }
            return new Crop(random.nextInt(frame - w + 1), random.nextInt(frame - w + 1), label);
        }
        return new Crop(around(box[0], box[2], frame, w, random), around(box[1], box[3], frame, w, random), label);
    }

    /** An offset along one axis whose window holds [{@code from}, {@code to}] with the margin, if it fits. */
    private static int around(int from, int to, int frame, int w, Random random) {
        int lo = to + MARGIN - w + 1;
        int hi = from - MARGIN;
        if (lo > hi) {
            int centre = (from + to + 1) / 2 - w / 2;
            lo = centre;
            hi = centre;
        }
        lo = Math.max(0, Math.min(frame - w, lo));
        hi = Math.max(0, Math.min(frame - w, hi));
        if (hi < lo) {
            hi = lo;
        }
        return random == null ? (lo + hi) / 2 : lo + random.nextInt(hi - lo + 1);
    }

    private static boolean clear(int x, int y, int w, int[] box) {
        return x + w + MARGIN <= box[0] || x - MARGIN > box[2] || y + w + MARGIN <= box[1] || y - MARGIN > box[3];
    }
}
