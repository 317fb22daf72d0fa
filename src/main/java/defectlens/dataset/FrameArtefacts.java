package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * Artefacts of the wide variety that are not defects: a charging gradient (the frame brightens towards one side
 * where charge builds up) and a partial frame (a blank strip along one side where the scan stopped short). The strip
 * never touches the defect, so the mask and the label stay true. Everything is drawn from one stream, in a fixed
 * order, whether or not an artefact is used.
 */
final class FrameArtefacts {
    private final boolean charging;
    private final int chargingSide;
    private final double chargingStrength;
    private final double chargingReach;
    private final boolean partial;
    private final int partialSide;
    private final double partialShare;

    FrameArtefacts(SplittableRandom rnd, SynthesisRanges ranges) {
        this.charging = rnd.nextDouble() < ranges.chargingShare();
        this.chargingSide = rnd.nextInt(4);
        this.chargingStrength = 0.2 + 0.7 * rnd.nextDouble();
        this.chargingReach = 0.1 + 0.4 * rnd.nextDouble();
        this.partial = rnd.nextDouble() < ranges.partialShare();
        this.partialSide = rnd.nextInt(4);
        this.partialShare = 0.06 + 0.24 * rnd.nextDouble();
    }

    /** Brightens {@code signal} towards one side: a factor 1 + strength * exp(-distance / reach). */
    void charge(float[] signal, int width, int height) {
        if (!charging) {
            return;
        }
        double reach = chargingReach * Math.max(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = distanceToSide(chargingSide, x, y, width, height);
                signal[y * width + x] *= (float) (1 + chargingStrength * Math.exp(-d / reach));
            }
        }
    }

    /**
     * Blanks a strip along one side to {@code level}: the drawn side, or the next one whose strip stays 4 px clear
     * of every mask pixel; no strip when none does.
     */
    void cut(float[] signal, byte[] mask, int width, int height, double level) {
        if (!partial) {
            return;
        }
        for (int k = 0; k < 4; k++) {
            int side = (partialSide + k) % 4;
            if (clearOfMask(side, mask, width, height)) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if (inStrip(side, x, y, width, height)) {
                            signal[y * width + x] = (float) level;
                        }
                    }
                }
                return;
            }
        }
    }

    private boolean clearOfMask(int side, byte[] mask, int width, int height) {
        int margin = 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0 && distanceToStrip(side, x, y, width, height) < margin) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean inStrip(int side, int x, int y, int width, int height) {
        return distanceToStrip(side, x, y, width, height) <= 0;
    }

    /** Pixels from {@code (x, y)} to the strip (0 or less inside it). */
    private double distanceToStrip(int side, int x, int y, int width, int height) {
        double depth = partialShare * (side < 2 ? width : height);
        return distanceToSide(side, x, y, width, height) - depth + 1;
    }

    private static double distanceToSide(int side, int x, int y, int width, int height) {
        return switch (side) {
            case 0 -> x;
            case 1 -> width - 1 - x;
            case 2 -> y;
            default -> height - 1 - y;
        };
    }
}
