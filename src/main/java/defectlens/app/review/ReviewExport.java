package defectlens.app.review;

import defectlens.core.DefectLensException;
import defectlens.review.CorrectedSemExport;
import defectlens.review.DecisionCsvExport;
import defectlens.review.DecisionLedger;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewDefinition;
import defectlens.review.ReviewKind;
import defectlens.review.WaferLabelExport;
import java.nio.file.Path;

/**
 * What File > Export writes from the open review, through the review package's exports (the same code as
 * {@code review export} on the command line): the decisions CSV, the corrected SEM data set as a Carinthia (-S)
 * CSV beside links to the same images or as class folders (copies or links), or the wafer label CSV that
 * {@code wafer train --labels} reads.
 */
public enum ReviewExport {
    DECISIONS_CSV("Decisions CSV...", true, true),
    CARINTHIA("Corrected data set (Carinthia CSV)...", true, false),
    CLASS_FOLDERS_COPY("Corrected data set (class folders, copies)...", true, false),
    CLASS_FOLDERS_LINK("Corrected data set (class folders, links)...", true, false),
    WAFER_LABELS("Wafer labels CSV (for wafer train --labels)...", false, true);

    private final String menuText;
    private final boolean sem;
    private final boolean wafer;

    ReviewExport(String menuText, boolean sem, boolean wafer) {
        this.menuText = menuText;
        this.sem = sem;
        this.wafer = wafer;
    }

    public String menuText() {
        return menuText;
    }

    /** True when this export applies to reviews of {@code kind}. */
    public boolean appliesTo(ReviewKind kind) {
        return kind == ReviewKind.SEM ? sem : wafer;
    }

    /** True when the export writes a file (else a folder). */
    public boolean writesFile() {
        return this == DECISIONS_CSV || this == WAFER_LABELS;
    }

    /** Writes the export of the open review to {@code out}; returns one line saying what was written. */
    String write(OpenedReview o, Path out) {
        ReviewSession s = o.session();
        ReviewDefinition def = s.folder().definition();
        if (!appliesTo(def.kind())) {
            throw new DefectLensException(out, menuText + " does not apply to a " + def.kind() + " review");
        }
        PredictionTable items = s.table();
        DecisionLedger ledger = s.ledger();
        if (writesFile()) {
            int rows = this == DECISIONS_CSV ? DecisionCsvExport.write(out, items, ledger)
                    : WaferLabelExport.write(out, def, items, ledger);
            return "Exported " + rows + " rows to " + out;
        }
        if (o.sem() == null) {
            throw new DefectLensException(s.folder().dataPath(), "the review's data is still being read");
        }
        String by = "review " + def.id() + " (" + s.folder().dir() + ")";
        CorrectedSemExport.Result r = this == CARINTHIA
                ? CorrectedSemExport.carinthia(o.sem(), items, ledger, out, by)
                : CorrectedSemExport.classFolders(o.sem(), items, ledger, out, this == CLASS_FOLDERS_LINK, by);
        return "Exported " + r.images() + " images (" + r.corrected() + " labels corrected) to " + r.out();
    }
}
