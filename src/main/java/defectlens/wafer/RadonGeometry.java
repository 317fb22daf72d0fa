package defectlens.wafer;

/**
 * The sampling geometry shared by the forward and the inverse Radon transform: a square map of side
 * {@code side}, {@code angles} projection angles {@code theta_k = 180 * k / angles} degrees
 * ({@code numpy.linspace(0, 180, angles, endpoint=False)}), {@link #detectorSize()} bins, and the centre
 * convention of {@link RadonCentre}.
 *
 * <p>Ray sum convention (scikit-image's): the bin at offset {@code t} of angle {@code theta} sums the map,
 * bilinearly interpolated (zero outside), at column {@code c0 + t cos(theta) + s sin(theta)} and row
 * {@code c0 - t sin(theta) + s cos(theta)} for the {@code detectorSize} unit steps {@code s} around the
 * detector centre.
 */
public record RadonGeometry(int side, int angles, RadonCentre centre) {
    public RadonGeometry {
        if (side < 3) {
            throw new IllegalArgumentException("map side must be at least 3: " + side);
        }
        if (angles < 1) {
            throw new IllegalArgumentException("need at least one angle: " + angles);
        }
        if (centre == null) {
            throw new IllegalArgumentException("centre must be given");
        }
    }

    /** The default geometry: {@link RadonCentre#defaultFor(int)}. */
    public static RadonGeometry of(int side, int angles) {
        return new RadonGeometry(side, angles, RadonCentre.defaultFor(side));
    }

    /** scikit-image's {@code circle=False} padded size: {@code side + ceil(sqrt(2) * side - side)}. */
    public static int paddedSize(int side) {
        return side + (int) Math.ceil(Math.sqrt(2) * side - side);
    }

    /** Number of detector bins (the padded size). */
    public int detectorSize() {
        return paddedSize(side);
    }

    public double imageCentre() {
        return centre.imageCentre(side);
    }

    public double detectorCentre() {
        return centre.detectorCentre(detectorSize());
    }

    public double angleDegrees(int k) {
        return 180.0 * k / angles;
    }

    /** cos of angle k, exactly 0 or +-1 at multiples of 90 degrees. */
    public double cos(int k) {
        return snap(Math.cos(Math.toRadians(angleDegrees(k))));
    }

    /** sin of angle k, exactly 0 or +-1 at multiples of 90 degrees. */
    public double sin(int k) {
        return snap(Math.sin(Math.toRadians(angleDegrees(k))));
    }

    private static double snap(double v) {
        if (Math.abs(v) < 1e-12) {
            return 0.0;
        }
        if (Math.abs(Math.abs(v) - 1.0) < 1e-12) {
            return Math.signum(v);
        }
        return v;
    }
}
