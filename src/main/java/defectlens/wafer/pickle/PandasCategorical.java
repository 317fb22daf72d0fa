package defectlens.wafer.pickle;

import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * A pandas {@code Categorical} column: integer codes into a list of categories (code -1 is missing).
 * Also stands for its {@code CategoricalDtype}, which carries the categories.
 */
public final class PandasCategorical implements PickleState {
    private PandasIndex categories;
    private NumpyArray codes;

    /**
     * Takes the Cython state {@code (dtype, codes, dict)} of pandas 1.3+, the dict state of older
     * pandas ({@code _codes}/{@code _ndarray} with {@code _dtype} or {@code _categories}), or a
     * CategoricalDtype's {@code {"categories": ..., "ordered": ...}}.
     */
    @Override
    public void setState(Object state) {
        if (state instanceof Map<?, ?> d) {
            Object cats = first(d, "categories", "_categories");
            if (cats instanceof PandasIndex idx) {
                categories = idx;
            }
            Object dtype = d.get("_dtype");
            if (dtype instanceof PandasCategorical t) {
                categories = t.categories;
            }
            Object c = first(d, "_codes", "_ndarray");
            if (c instanceof NumpyArray a) {
                codes = a;
            }
            return;
        }
        Object[] t = PickleValues.toTuple(state);
        if (t.length >= 2 && t[0] instanceof PandasCategorical dtype && t[1] instanceof NumpyArray a) {
            categories = dtype.categories;
            codes = a;
            return;
        }
        throw new PickleException("pandas Categorical state not understood: " + PickleValues.describe(state));
    }

    private static Object first(Map<?, ?> d, String a, String b) {
        return d.containsKey(a) ? d.get(a) : d.get(b);
    }

    public int size() {
        return codes == null ? 0 : codes.size();
    }

    /** The category of row {@code i}, or null when missing. */
    public Object get(int i) {
        if (codes == null || categories == null) {
            throw new PickleException("pandas Categorical without codes or categories");
        }
        long code = (long) codes.getDouble(i);
        return code < 0 ? null : categories.get((int) code);
    }
}
