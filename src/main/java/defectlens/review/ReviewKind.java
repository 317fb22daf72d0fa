package defectlens.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import defectlens.core.DefectLensException;
import java.util.Locale;

/** What a review reviews: SEM images of a data set folder, or the maps of a WM-811K file. */
public enum ReviewKind {
    SEM, WAFER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named in review.json ("sem", "wafer"). */
    @JsonCreator
    public static ReviewKind of(String name) {
        for (ReviewKind k : values()) {
            if (k.json().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new DefectLensException("unknown review kind '" + name + "' (sem or wafer)");
    }
}
