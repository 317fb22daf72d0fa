package defectlens.study;

/**
 * The model whose explanations are rated: its name and version, written into every rating, and the folder of its
 * bundle relative to the study folder (null when the plan was made without one: then {@code study explanations}
 * needs {@code --model}).
 */
public record ModelRef(String name, String version, String folder) {
    /** A model known by name and version only. */
    public ModelRef(String name, String version) {
        this(name, version, null);
    }
}
