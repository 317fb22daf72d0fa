package defectlens.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds records to several journals at once, all or nothing, as a merge of journals from elsewhere needs it: every
 * journal touched is opened and {@link Journal#stage staged} (written with its additions to a temporary file and
 * forced to disk) before any is {@link Journal#commit committed}, so a failure while staging (a full disk, a journal
 * locked by a running window) leaves every journal as it was. Records whose id a journal already holds are not
 * written again. The journals are closed at the end.
 */
public final class StagedMerge {
    private StagedMerge() {
    }

    /**
     * Stages {@code additions} (journal key, e.g. the rater or reviewer, to its records) into the journals
     * {@code open} opens for the keys, then commits them all. Returns the records actually added per key, in the
     * order of {@code additions}.
     */
    public static <T> Map<String, List<T>> commitAll(Map<String, List<T>> additions,
            Function<String, Journal<T>> open) {
        List<Journal<T>> opened = new ArrayList<>();
        Map<String, Journal.Staged<T>> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<T>> e : additions.entrySet()) {
                Journal<T> j = open.apply(e.getKey());
                opened.add(j);
                staged.put(e.getKey(), j.stage(e.getValue()));
            }
            Map<String, List<T>> added = new LinkedHashMap<>();
            for (Map.Entry<String, Journal.Staged<T>> e : staged.entrySet()) {
                e.getValue().journal().commit(e.getValue());
                added.put(e.getKey(), e.getValue().added());
            }
            return added;
        } catch (RuntimeException e) {
            staged.values().forEach(Journal::discard);
            throw e;
        } finally {
            opened.forEach(Journal::close);
        }
    }
}
