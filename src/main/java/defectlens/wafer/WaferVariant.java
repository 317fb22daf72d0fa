package defectlens.wafer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four models of the ablation of Jeong et al. (2023): what goes into the network (the 64x64 map or
 * its sinogram) and whether the second convolution is a {@link KernelFlipConv2d}.
 */
public enum WaferVariant {
    /** Wafer map in, plain convolutions. */
    BASELINE("baseline", false, false),
    /** Sinogram in, plain convolutions. */
    RADON("radon", true, false),
    /** Wafer map in, kernel flip at the 64-filter convolution. */
    KERNEL_FLIP("kernel-flip", false, true),
    /** Sinogram in, kernel flip at the 64-filter convolution: the paper's model. */
    PROPOSED("proposed", true, true);

    private final String id;
    private final boolean sinogramInput;
    private final boolean kernelFlip;

    WaferVariant(String id, boolean sinogramInput, boolean kernelFlip) {
        this.id = id;
        this.sinogramInput = sinogramInput;
        this.kernelFlip = kernelFlip;
    }

    /** The name used on the command line and in {@code model.json}. */
    public String id() {
        return id;
    }

    public boolean sinogramInput() {
        return sinogramInput;
    }

    public boolean kernelFlip() {
        return kernelFlip;
    }

    /** The variant of a command-line / model.json name ({@code proposed|radon|kernel-flip|baseline}). */
    public static WaferVariant parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (WaferVariant v : values()) {
            if (v.id.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown wafer model variant '" + name + "', expected one of "
                + Arrays.stream(values()).map(WaferVariant::id).toList());
    }
}
