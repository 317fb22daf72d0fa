package defectlens.study;

/** The model whose explanations are rated: its name and version, written into every rating. */
public record ModelRef(String name, String version) {
}
