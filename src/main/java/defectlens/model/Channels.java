package defectlens.model;

/** Channel rounding of the MobileNet/EfficientNet family ({@code _make_divisible}). */
final class Channels {
    private Channels() {
    }

    /** {@code value} rounded to the nearest multiple of {@code divisor}, never more than 10 % below it. */
    static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * value) {
            rounded += divisor;
        }
        return rounded;
    }
}
