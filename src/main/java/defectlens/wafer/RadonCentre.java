package defectlens.wafer;

/**
 * Where the Radon transform puts the rotation axis and the centre of the detector.
 *
 * <p>The sinogram of an {@code n x n} map has {@code p = n + ceil(sqrt(2) * n - n)} detector bins (the
 * diagonal padding of {@code skimage.transform.radon(circle=False)}), and each ray is sampled at {@code p}
 * unit steps. {@link #SCIKIT_IMAGE} rotates about the pixel {@code (n // 2, n // 2)} and centres the
 * detector and the ray samples on index {@code p // 2}, exactly as scikit-image does. For even {@code n}
 * that pixel is half a pixel off the middle of the map, so a 90-degree rotation or a flip of the map
 * changes the sinogram by more than a permutation. {@link #GEOMETRIC} rotates about the geometric centre
 * {@code ((n - 1) / 2, (n - 1) / 2)} and centres detector and ray samples on {@code (p - 1) / 2}: then the
 * sample points of the rotated or flipped map are the rotated or flipped sample points, and the symmetry
 * relations of {@link Sinogram} hold to float precision. The two coincide when both {@code n} and {@code p}
 * are odd (e.g. n = 61); {@link #defaultFor(int)} picks {@code GEOMETRIC} for even sizes (64x64) and
 * {@code SCIKIT_IMAGE} for odd sizes.
 */
public enum RadonCentre {
    /** The map's geometric centre; the detector centred on {@code (p - 1) / 2}. */
    GEOMETRIC,
    /** scikit-image's pixel {@code n // 2}; the detector centred on {@code p // 2}. */
    SCIKIT_IMAGE;

    /** {@code GEOMETRIC} for even map sides, {@code SCIKIT_IMAGE} for odd ones. */
    public static RadonCentre defaultFor(int side) {
        return side % 2 == 0 ? GEOMETRIC : SCIKIT_IMAGE;
    }

    /** The rotation centre in image coordinates (row = column) of an {@code side x side} map. */
    public double imageCentre(int side) {
        return this == GEOMETRIC ? (side - 1) / 2.0 : Math.floorDiv(side, 2);
    }

    /** The index of the detector bin (and of the ray sample) through the rotation centre. */
    public double detectorCentre(int detectorSize) {
        return this == GEOMETRIC ? (detectorSize - 1) / 2.0 : Math.floorDiv(detectorSize, 2);
    }
}
