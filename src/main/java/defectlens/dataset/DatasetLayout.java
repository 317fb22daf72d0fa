package defectlens.dataset;

/** The folder layouts of SEM data sets that DefectLens opens. */
public enum DatasetLayout {
    /** A folder with one sub-folder of images per class. */
    CLASS_FOLDERS("class-folders"),
    /** A Carinthia folder: {@code data/carinthia.csv} ({@code image_path;file_name;label}). */
    CARINTHIA("carinthia"),
    /** A Carinthia-S folder: {@code data/carinthia-s.csv} ({@code image_path;mask_path;filename;label}) with masks. */
    CARINTHIA_S("carinthia-s"),
    /** A single image opened on its own. */
    SINGLE_IMAGE("single-image");

    private final String id;

    DatasetLayout(String id) {
        this.id = id;
    }

    /** The name used in JSON output, e.g. {@code carinthia-s}. */
    public String id() {
        return id;
    }
}
