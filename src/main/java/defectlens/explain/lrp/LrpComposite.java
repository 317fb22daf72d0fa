package defectlens.explain.lrp;

import defectlens.core.DefectLensException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule per layer kind, chosen by name. Dense layers and BatchNorm use LRP-epsilon (epsilon 1e-6),
 * convolutions (plain and kernel-flip) the rule the name gives:
 *
 * <ul>
 *   <li>{@code epsilon-zplus} - z+ (the default),
 *   <li>{@code epsilon-alpha1beta0} - alpha=1, beta=0 (the positive bias joins the positive sum),
 *   <li>{@code epsilon-alpha2beta1} - alpha=2, beta=1,
 *   <li>{@code epsilon-zplus-zbox} - z+, but the first convolution uses z^B for inputs in
 *       {@code [0, sqrt(2)]} (a 0/1 wafer map, or a sinogram scaled by 1/64 whose longest chord is
 *       {@code 64 sqrt(2)}), so that pixels of value 0 can receive relevance too.
 * </ul>
 * A layer whose kind has no rule in the composite stops the explanation with an error naming the layer.
 */
public final class LrpComposite {
    /** The default rule for dense layers and BatchNorm. */
    public static final double EPSILON = 1e-6;

    private static final Map<String, LrpComposite> NAMED = new LinkedHashMap<>();

    static {
        LrpRule zplus = new LrpRule.ZPlus();
        register(convolutions("epsilon-zplus", zplus, null));
        register(convolutions("epsilon-alpha1beta0", new LrpRule.AlphaBeta(1, 0), null));
        register(convolutions("epsilon-alpha2beta1", new LrpRule.AlphaBeta(2, 1), null));
        register(convolutions("epsilon-zplus-zbox", zplus, new LrpRule.ZBox(0, Math.sqrt(2))));
    }

    private final String name;
    private final Map<LrpLayerKind, LrpRule> rules;
    private final LrpRule firstLayer;

    /**
     * A composite; {@code firstLayer} (nullable) overrides the rule of the first layer that takes one
     * (the layer touching the input).
     */
    public LrpComposite(String name, Map<LrpLayerKind, LrpRule> rules, LrpRule firstLayer) {
        this.name = name;
        this.rules = rules.isEmpty() ? new EnumMap<>(LrpLayerKind.class) : new EnumMap<>(rules);
        this.firstLayer = firstLayer;
    }

    private static LrpComposite convolutions(String name, LrpRule conv, LrpRule first) {
        Map<LrpLayerKind, LrpRule> rules = new EnumMap<>(LrpLayerKind.class);
        LrpRule epsilon = new LrpRule.Epsilon(EPSILON);
        rules.put(LrpLayerKind.DENSE, epsilon);
        rules.put(LrpLayerKind.BATCH_NORM, epsilon);
        rules.put(LrpLayerKind.CONVOLUTION, conv);
        rules.put(LrpLayerKind.KERNEL_FLIP, conv);
        return new LrpComposite(name, rules, first);
    }

    private static void register(LrpComposite c) {
        NAMED.put(c.name, c);
    }

    /** The named composites, default first. */
    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    public static LrpComposite defaultComposite() {
        return NAMED.get("epsilon-zplus");
    }

    /** The composite of a name; an unknown name is a user error listing the known ones. */
    public static LrpComposite named(String name) {
        LrpComposite c = NAMED.get(name.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new DefectLensException("unknown LRP rule set '" + name + "', expected one of " + names());
        }
        return c;
    }

    public String name() {
        return name;
    }

    /**
     * The rule of {@code layer}; null for kinds that need none. {@code first} marks the first layer that
     * takes a rule.
     */
    public LrpRule ruleFor(LrpLayer layer, boolean first) {
        if (!layer.kind().needsRule()) {
            return null;
        }
        if (first && firstLayer != null) {
            return firstLayer;
        }
        LrpRule rule = rules.get(layer.kind());
        if (rule == null) {
            throw new DefectLensException("LRP rule set '" + name + "' has no rule for layer " + layer.name()
                    + " (" + layer.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        return rule;
    }

    /** Rule labels per kind, for reports. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.forEach((k, r) -> out.put(k.name().toLowerCase(Locale.ROOT), r.label()));
        if (firstLayer != null) {
            out.put("first_layer", firstLayer.label());
        }
        return out;
    }
}
