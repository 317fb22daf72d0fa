package defectlens.wafer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins trained wafer models of one variant and class set into an ensemble that averages their class
 * probabilities (independently trained seeds: a standard way to lower the variance of small-data models).
 * The members must hold out the same test maps (class set, data file, test fraction and seed in their
 * provenance), so {@code --heldout} still names maps none of them trained on; each member's training facts
 * and held-out figures are kept in the ensemble's provenance under {@code ensemble}.
 */
public final class WaferEnsemble {
    private WaferEnsemble() {}

    /** The ensemble of {@code parts} (taking ownership of them); {@code sources} name them in the provenance. */
    public static WaferModel assemble(List<WaferModel> parts, List<String> sources) {
        if (parts.size() != sources.size()) {
            throw new IllegalArgumentException(parts.size() + " models but " + sources.size() + " sources");
        }
        Map<String, Object> firstTest = testSplit(parts.get(0).provenance());
        for (int k = 1; k < parts.size(); k++) {
            Map<String, Object> other = testSplit(parts.get(k).provenance());
            if (!firstTest.equals(other)) {
                throw new IllegalArgumentException("the members hold out different test maps: " + sources.get(0) + " "
                        + firstTest + " vs " + sources.get(k) + " " + other);
            }
        }
        Map<String, Object> first = parts.get(0).provenance();
        Map<String, Object> provenance = new LinkedHashMap<>();
        copy(first, provenance, "classSet");
        copy(first, provenance, "data");
        if (first.get("split") instanceof Map<?, ?> split) {
            Map<String, Object> test = new LinkedHashMap<>();
            for (String key : List.of("testFraction", "testSeed", "testMethod", "testCounts")) {
                if (split.containsKey(key)) {
                    test.put(key, split.get(key));
                }
            }
            provenance.put("split", test);
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Map<String, Object> p = parts.get(k).provenance();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("source", sources.get(k));
            if (p.get("split") instanceof Map<?, ?> split) {
                member.put("splitSeed", split.get("seed"));
                member.put("validationFraction", split.get("validationFraction"));
            }
            copy(p, member, "training");
            copy(p, member, "heldOutTest");
            members.add(member);
        }
        provenance.put("ensemble", members);
        provenance.put("assembledAt", Instant.now().toString());
        return WaferModel.ensemble(parts, provenance);
    }

    /** The facts that fix a model's held-out test maps. */
    private static Map<String, Object> testSplit(Map<String, Object> provenance) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("classSet", provenance.get("classSet"));
        if (provenance.get("data") instanceof Map<?, ?> data) {
            facts.put("sha256", data.get("sha256"));
        }
        if (provenance.get("split") instanceof Map<?, ?> split) {
            facts.put("testFraction", split.get("testFraction"));
            facts.put("testSeed", split.get("testSeed"));
        }
        facts.values().removeIf(Objects::isNull);
        return facts;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }

    /**
     * Measures the ensemble on its held-out maps (single pass, like {@code wafer train} measures a model; the
     * originals and their seven rotated / flipped copies) and records the figures as {@code heldOutTest}.
     */
    public static Map<String, Object> measureHeldOut(WaferModel ensemble, WaferDataset data, List<Integer> heldOut) {
        boolean averaging = ensemble.averageOverSymmetries();
        ensemble.setAverageOverSymmetries(false);
        try {
            LabelledMaps test = WaferTrainingPlan.labelled(data, heldOut, ensemble.classes());
            Map<String, Object> facts = WaferEvaluation.heldOutFacts(
                    WaferEvaluation.measure(ensemble, test, AugmentedTestSet.NONE),
                    WaferEvaluation.measure(ensemble, test, AugmentedTestSet.ROTFLIP));
            ensemble.putProvenance("heldOutTest", facts);
            return facts;
        } finally {
            ensemble.setAverageOverSymmetries(averaging);
        }
    }
}
