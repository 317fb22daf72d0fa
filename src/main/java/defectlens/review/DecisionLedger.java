package defectlens.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The decisions of a review as they stand: the lines of one or many reviewers folded into the current decision per
 * item and reviewer. Within a reviewer, later lines win; an {@link DecisionAction#UNDO} withdraws the line its
 * {@code supersedes} names (a reviewer's own line only), so the decision before it shows again, and an undone undo
 * brings its target back; a {@link DecisionAction#NOTE} only sets the item's note, which the current decision then
 * carries (the latest note of the item, from a note line or a decision's own note). Over reviewers,
 * {@link #current(int)} is the latest current decision by time (ties by reviewer name). A decision id seen twice is
 * counted once. Items are sparse: 811,000 wafer maps with a thousand decisions cost a thousand entries.
 */
public final class DecisionLedger {
    private static final Comparator<ReviewDecision> LATEST = Comparator
            .comparing((ReviewDecision d) -> Objects.toString(d.time(), ""))
            .thenComparing(d -> Objects.toString(d.reviewer(), ""));

    private final List<ReviewDecision> lines;
    private final Map<String, NavigableMap<Integer, ReviewDecision>> perReviewer = new TreeMap<>();
    private final NavigableMap<Integer, ReviewDecision> merged = new TreeMap<>();

    private DecisionLedger(List<ReviewDecision> lines) {
        this.lines = lines;
        Map<String, List<ReviewDecision>> byReviewer = new LinkedHashMap<>();
        for (ReviewDecision d : lines) {
            byReviewer.computeIfAbsent(Objects.toString(d.reviewer(), ""), k -> new ArrayList<>()).add(d);
        }
        byReviewer.forEach((reviewer, own) -> perReviewer.put(reviewer, fold(own)));
        for (NavigableMap<Integer, ReviewDecision> own : perReviewer.values()) {
            for (ReviewDecision d : own.values()) {
                merged.merge(d.index(), d, DecisionLedger::later);
            }
        }
    }

    /**
     * The ledger of decision lines, each reviewer's in journal order (reviewers may be interleaved); a line without
     * an action is left out.
     */
    public static DecisionLedger of(Collection<ReviewDecision> decisions) {
        Set<String> seen = new HashSet<>();
        List<ReviewDecision> unique = new ArrayList<>();
        for (ReviewDecision d : decisions) {
            if (d.action() != null && seen.add(d.id())) {
                unique.add(d);
            }
        }
        return new DecisionLedger(Collections.unmodifiableList(unique));
    }

    /** The ledger of one reviewer's lines only. */
    public DecisionLedger only(String reviewer) {
        return new DecisionLedger(lines.stream().filter(d -> reviewer.equals(d.reviewer())).toList());
    }

    /** Every line, each id once, in the order given. */
    public List<ReviewDecision> lines() {
        return lines;
    }

    /** The reviewers with at least one line, by name. */
    public Set<String> reviewers() {
        Set<String> names = new LinkedHashSet<>();
        lines.stream().map(ReviewDecision::reviewer).filter(Objects::nonNull).sorted().forEach(names::add);
        return names;
    }

    /**
     * The current decision on an item over all reviewers: the latest decision (accept, relabel, unsure, skip)
     * carrying the item's latest note; for an item with notes but no decision, its latest note line.
     */
    public Optional<ReviewDecision> current(int index) {
        return Optional.ofNullable(merged.get(index));
    }

    /** The current decision of one reviewer on an item (as {@link #current(int)}, for that reviewer's lines). */
    public Optional<ReviewDecision> current(int index, String reviewer) {
        NavigableMap<Integer, ReviewDecision> own = perReviewer.get(reviewer);
        return Optional.ofNullable(own == null ? null : own.get(index));
    }

    /** Every item's current decision over all reviewers, by item number. */
    public NavigableMap<Integer, ReviewDecision> currentByItem() {
        return Collections.unmodifiableNavigableMap(merged);
    }

    /** One reviewer's current decisions by item number (empty for a reviewer without lines). */
    public NavigableMap<Integer, ReviewDecision> currentOf(String reviewer) {
        NavigableMap<Integer, ReviewDecision> own = perReviewer.get(reviewer);
        return own == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(own);
    }

    /** True when the item has a current decision (a note alone is no decision). */
    public boolean isDecided(int index) {
        ReviewDecision d = merged.get(index);
        return d != null && d.action().decides();
    }

    /** The number of items with a current decision. */
    public int decidedCount() {
        return (int) merged.values().stream().filter(d -> d.action().decides()).count();
    }

    /** How many items currently stand at each decision (accept, relabel, unsure, skip; notes alone as note). */
    public Map<DecisionAction, Integer> counts() {
        Map<DecisionAction, Integer> counts = new EnumMap<>(DecisionAction.class);
        merged.values().forEach(d -> counts.merge(d.action(), 1, Integer::sum));
        return counts;
    }

    /** The class an item has after the review: the current decision's class when accepted or relabelled, else null. */
    public String classAfter(int index) {
        ReviewDecision d = merged.get(index);
        return d != null && d.action().setsClass() ? d.classAfter() : null;
    }

    /** An item on which reviewers' current classes differ: each reviewer's class after, by reviewer name. */
    public record Conflict(int index, String item, Map<String, String> classByReviewer) {
    }

    /** The items where two or more reviewers' current classes after differ, by item number. */
    public List<Conflict> conflicts() {
        Map<Integer, Map<String, String>> classes = new TreeMap<>();
        perReviewer.forEach((reviewer, own) -> own.forEach((index, d) -> {
            if (d.action().setsClass()) {
                classes.computeIfAbsent(index, k -> new TreeMap<>()).put(reviewer, d.classAfter());
            }
        }));
        List<Conflict> out = new ArrayList<>();
        classes.forEach((index, byReviewer) -> {
            if (new HashSet<>(byReviewer.values()).size() > 1) {
                out.add(new Conflict(index, merged.get(index).item(), Collections.unmodifiableMap(byReviewer)));
            }
        });
        return out;
    }

    private static ReviewDecision later(ReviewDecision a, ReviewDecision b) {
        boolean aDecides = a.action().decides();
        if (aDecides != b.action().decides()) {
            return aDecides ? a : b;
        }
        return LATEST.compare(a, b) >= 0 ? a : b;
    }

    /** One reviewer's lines in journal order folded into the current decision per item. */
    private static NavigableMap<Integer, ReviewDecision> fold(List<ReviewDecision> own) {
        Set<String> withdrawn = new HashSet<>();
        for (int i = own.size() - 1; i >= 0; i--) {
            ReviewDecision d = own.get(i);
            if (!withdrawn.contains(d.id()) && d.action() == DecisionAction.UNDO && d.supersedes() != null) {
                withdrawn.add(d.supersedes());
            }
        }
        Map<Integer, ReviewDecision> decision = new HashMap<>();
        Map<Integer, ReviewDecision> noteLine = new HashMap<>();
        Map<Integer, String> note = new HashMap<>();
        for (ReviewDecision d : own) {
            if (withdrawn.contains(d.id()) || d.action() == DecisionAction.UNDO) {
                continue;
            }
            if (d.note() != null) {
                note.put(d.index(), d.note());
            }
            if (d.action().decides()) {
                decision.put(d.index(), d);
            } else {
                noteLine.put(d.index(), d);
            }
        }
        NavigableMap<Integer, ReviewDecision> current = new TreeMap<>();
        noteLine.forEach(current::put);
        decision.forEach((index, d) -> current.put(index, withNote(d, note.get(index))));
        return current;
    }

    private static ReviewDecision withNote(ReviewDecision d, String note) {
        if (Objects.equals(d.note(), note)) {
            return d;
        }
        return new ReviewDecision(d.id(), d.review(), d.item(), d.index(), d.reviewer(), d.time(), d.action(),
                d.labelBefore(), d.predicted(), d.top(), d.classAfter(), note, d.supersedes(), d.source(), d.model());
    }
}
