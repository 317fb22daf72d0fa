package defectlens.wafer.pickle;

import net.razorvine.pickle.PickleException;

/** A pickle named a Python global outside the allow-list; nothing it names was constructed or run. */
public final class ForbiddenGlobalException extends PickleException {
    private static final long serialVersionUID = 1L;
    private final String global;

    public ForbiddenGlobalException(String global) {
        super("pickle names a global that is not allowed: " + PickleValues.abbreviate(global));
        this.global = global;
    }

    /** The dotted name, e.g. {@code os.system}. */
    public String global() {
        return global;
    }
}
