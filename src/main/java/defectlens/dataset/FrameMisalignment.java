package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * The ways a defect-free Carinthia frame can still look wrong: part of the frame shifted sideways (a
 * stage jump during the scan), a blank strip where the beam saw nothing, or a strongly tilted field.
 * None of these is a defect, so masks of such frames stay empty.
 */
final class FrameMisalignment {
    /** The kind of misalignment. */
    enum Kind { NONE, SHIFT, BLANK_STRIP, TILT }

    private final Kind kind;
    private final double fraction;
    private final double amount;
    private final int side;

    private FrameMisalignment(Kind kind, double fraction, double amount, int side) {
        this.kind = kind;
        this.fraction = fraction;
        this.amount = amount;
        this.side = side;
    }

    static FrameMisalignment none() {
        return new FrameMisalignment(Kind.NONE, 0, 0, 0);
    }

    /** For a no-defect frame: aligned with probability 1/2, else one of the three misalignments. */
    static FrameMisalignment randomForNoDefect(SplittableRandom rnd) {
        double fraction = 0.15 + 0.6 * rnd.nextDouble();
        double amount = rnd.nextDouble();
        int side = rnd.nextInt(4);
        double pick = rnd.nextDouble();
        Kind kind = pick < 0.5 ? Kind.NONE : pick < 0.67 ? Kind.SHIFT : pick < 0.84 ? Kind.BLANK_STRIP : Kind.TILT;
        return new FrameMisalignment(kind, fraction, amount, side);
    }

    Kind kind() {
        return kind;
    }

    /** The tilt of the lines in degrees: a few degrees normally, 7-14 degrees for a tilted frame. */
    double angle(SplittableRandom rnd) {
        double sign = rnd.nextBoolean() ? 1 : -1;
        double normal = Math.max(-3, Math.min(3, 1.2 * EdgeRoughness.gaussian(rnd)));
        return kind == Kind.TILT ? sign * (7 + 7 * amount) : normal;
    }

    /** Shifts the lower part of the frame sideways by 25-50 % of the pitch. */
    void applyTo(LineSpacePattern pattern) {
        if (kind == Kind.SHIFT) {
            double dx = (side % 2 == 0 ? 1 : -1) * pattern.pitch() * (0.25 + 0.25 * amount);
            pattern.shiftRows((int) Math.round(fraction * pattern.height()), dx);
        }
    }

    /** Blanks a strip of 8-30 % of the frame along one side to {@code level}. */
    void applyTo(float[] signal, int width, int height, double level) {
        if (kind != Kind.BLANK_STRIP) {
            return;
        }
        double share = 0.08 + 0.22 * amount;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inStrip = switch (side) {
                    case 0 -> x < share * width;
                    case 1 -> x >= (1 - share) * width;
                    case 2 -> y < share * height;
                    default -> y >= (1 - share) * height;
                };
                if (inStrip) {
                    signal[y * width + x] = (float) level;
                }
            }
        }
    }
}
