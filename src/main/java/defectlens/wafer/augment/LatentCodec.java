package defectlens.wafer.augment;

/**
 * Maps coded 32 x 32 wafer maps ({@link DieStateCoding}) to latent codes and back; {@link ConvAutoEncoder} is the
 * one the product uses, {@link CaeAugmentation} needs no more than this.
 */
public interface LatentCodec {
    /** One flattened latent code per coded map. */
    float[][] encode(float[][] coded);

    /** One coded 32 x 32 map (values in [0, 1], row-major) per latent code. */
    float[][] decode(float[][] latent);
}
