package defectlens.explain;

/** Receives progress of long work (concept-bank fitting): a stage name and a fraction in [0, 1]. */
@FunctionalInterface
public interface FitProgress {
    /** Ignores progress. */
    FitProgress SILENT = (stage, fraction) -> { };

    void report(String stage, double fraction);
}
