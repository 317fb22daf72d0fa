package defectlens.wafer;

import java.util.Collection;

/**
 * The column layouts of WM-811K pickles: the Kaggle {@code LSWMD.pkl} (with its misspelt
 * {@code trianTestLabel}) and MIR's own {@code WM811K.pkl} ({@code trainTestLabel}, alphabetical
 * columns, plain string labels, {@code 0} for unlabelled). Extra columns are ignored.
 */
public enum WaferLayout {
    LSWMD("trianTestLabel"),
    WM811K("trainTestLabel");

    /** Column names both layouts share. */
    public static final String MAP = "waferMap";
    public static final String FAILURE_TYPE = "failureType";
    public static final String DIE_SIZE = "dieSize";
    public static final String LOT_NAME = "lotName";
    public static final String WAFER_INDEX = "waferIndex";

    private final String splitColumn;

    WaferLayout(String splitColumn) {
        this.splitColumn = splitColumn;
    }

    /** The column holding Training/Test. */
    public String splitColumn() {
        return splitColumn;
    }

    /** The layout of a frame with these columns, or null when it has no wafer-map column. */
    public static WaferLayout detect(Collection<String> columns) {
        if (!columns.contains(MAP)) {
            return null;
        }
        if (columns.contains(WM811K.splitColumn) && !columns.contains(LSWMD.splitColumn)) {
            return WM811K;
        }
        return LSWMD;
    }
}
