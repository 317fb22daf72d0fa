package defectlens.wafer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How wide a {@link WaferNetworks} network is: the filters of its four convolution stages and the units of its
 * two hidden fully connected layers. {@link #PAPER} is the network of Jeong et al. (16, 64, 128, 256 / 256, 128);
 * {@link #STUDENT} is the narrowed network that {@code wafer train --distil-from} trains by default, about six
 * times cheaper per forward pass ({@link #multiplyAdds}). A bundle records non-paper widths in
 * {@code model.json} ({@code widths}).
 *
 * @param filters filters of the four convolution stages
 * @param hidden units of the two hidden fully connected layers
 */
public record WaferWidths(List<Integer> filters, List<Integer> hidden) {
    /** The paper's widths. */
    public static final WaferWidths PAPER = new WaferWidths(List.of(16, 64, 128, 256), List.of(256, 128));
    /** The distilled student's widths: half to three eighths of the paper's filters, half its hidden units. */
    public static final WaferWidths STUDENT = new WaferWidths(List.of(8, 24, 48, 96), List.of(128, 64));

    /** The side of the map after the four 2x2 poolings (64 / 16). */
    private static final int LAST_SIDE = WaferInputEncoder.SIZE >> 4;

    public WaferWidths {
        filters = List.copyOf(filters);
        hidden = List.copyOf(hidden);
        if (filters.size() != 4 || hidden.size() != 2) {
            throw new IllegalArgumentException("a wafer network has 4 convolution stages and 2 hidden layers, got "
                    + filters + " / " + hidden);
        }
        for (int w : concat(filters, hidden)) {
            if (w < 1 || w > 4096) {
                throw new IllegalArgumentException("layer widths must be in 1..4096: " + filters + " / " + hidden);
            }
        }
    }

    private static int[] concat(List<Integer> a, List<Integer> b) {
        int[] all = new int[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            all[i] = a.get(i);
        }
        for (int i = 0; i < b.size(); i++) {
            all[a.size() + i] = b.get(i);
        }
        return all;
    }

    /** Units of the last hidden layer (the width of the embedding the review desk takes). */
    public int lastHidden() {
        return hidden.get(hidden.size() - 1);
    }

    /**
     * Multiply-adds of one forward pass of one 64x64 input through the convolutions (3x3, "same" padding; the
     * kernel-flip stage convolves twice) and the dense layers, for {@code classes} outputs. Element-wise work
     * (ReLU, BatchNorm, pooling) is left out: it is a few percent of the total.
     */
    public long multiplyAdds(WaferVariant variant, int classes) {
        long total = 0;
        int side = WaferInputEncoder.SIZE;
        int in = 1;
        for (int stage = 0; stage < filters.size(); stage++) {
            int out = filters.get(stage);
            long conv = (long) side * side * out * in * WaferNetworks.KERNEL * WaferNetworks.KERNEL;
            total += stage == 1 && variant.kernelFlip() ? 2 * conv : conv;
            in = out;
            side /= 2;
        }
        int width = in * LAST_SIDE * LAST_SIDE;
        for (int units : hidden) {
            total += (long) width * units;
            width = units;
        }
        return total + (long) width * classes;
    }

    /** The form written to {@code model.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filters", filters);
        m.put("hidden", hidden);
        return m;
    }

    /**
     * Widths from a command line: four filter counts and two hidden widths, {@code "8,24,48,96/128,64"}, or the
     * names {@code paper} and {@code student}.
     */
    public static WaferWidths parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("paper")) {
            return PAPER;
        }
        if (t.equalsIgnoreCase("student")) {
            return STUDENT;
        }
        String[] parts = t.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("widths '" + text + "': expected paper, student or F1,F2,F3,F4/H1,H2");
        }
        try {
            return new WaferWidths(numbers(parts[0]), numbers(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("widths '" + text
                    + "': expected whole numbers, as in 8,24,48,96/128,64");
        }
    }

    private static List<Integer> numbers(String csv) {
        return Arrays.stream(csv.split(",", -1)).map(s -> Integer.parseInt(s.trim())).toList();
    }

    @Override
    public String toString() {
        return filters.toString() + " / " + hidden;
    }
}
