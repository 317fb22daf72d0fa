package defectlens.wafer.pickle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * A pandas {@code Index} (column names or row labels) rebuilt from {@code _new_Index(cls, state)}:
 * either stored values or a {@code RangeIndex} of start/stop/step.
 */
public final class PandasIndex implements PickleState {
    /** Column names beyond this many are not turned into text (a wafer frame has a handful). */
    static final int MAX_LABELS = 10_000;
    private final String className;
    private NumpyArray values;
    private List<?> list;
    private int start;
    private int stop;
    private int step = 1;
    private boolean range;

    PandasIndex(String className) {
        this.className = className;
        this.range = className.endsWith("RangeIndex");
    }

    /** {@code pandas.core.indexes.base._new_Index(cls, d)}; {@code cls} is the allow-listed index class. */
    static PandasIndex newIndex(Object[] args) {
        if (args.length < 2 || !(args[0] instanceof IndexClass cls)) {
            throw new PickleException("_new_Index expects an allowed pandas index class");
        }
        PandasIndex index = new PandasIndex(cls.name());
        index.setState(args[1]);
        return index;
    }

    /** Takes the {@code _new_Index} dict, or an old ndarray-subclass state {@code (array_state, own_state)}. */
    @Override
    public void setState(Object state) {
        if (state instanceof Map<?, ?> d) {
            if (range || d.containsKey("start")) {
                range = true;
                start = intOr(d.get("start"), 0);
                stop = intOr(d.get("stop"), 0);
                step = intOr(d.get("step"), 1);
                if (step == 0) {
                    throw new PickleException("RangeIndex with step 0");
                }
                return;
            }
            setData(d.get("data"));
            return;
        }
        Object[] t = PickleValues.toTuple(state);
        if (t.length == 2 && t[0] instanceof Object[]) {
            NumpyArray a = new NumpyArray();
            a.setState(t[0]);
            values = a;
            return;
        }
        throw new PickleException("pandas index state not understood: " + PickleValues.describe(state));
    }

    private void setData(Object data) {
        if (data instanceof NumpyArray a) {
            values = a;
        } else if (data instanceof List<?> l) {
            list = l;
        } else if (data instanceof Object[] a) {
            list = List.of(a);
        } else {
            throw new PickleException("pandas index without data: " + PickleValues.describe(data));
        }
    }

    private static int intOr(Object o, int fallback) {
        return o == null ? fallback : PickleValues.toInteger(o);
    }

    public int size() {
        if (range) {
            long n = step > 0 ? (stop - (long) start + step - 1) / step : (start - (long) stop - step - 1) / -step;
            return (int) Math.max(0, n);
        }
        return values != null ? values.size() : list.size();
    }

    public Object get(int i) {
        if (range) {
            return (long) start + (long) i * step;
        }
        return values != null ? values.get(i) : list.get(i);
    }

    /**
     * The labels as strings (column names): text and numbers as they are, other values by their type
     * ({@link PickleValues#describe}), never by printing them. More than {@value #MAX_LABELS} labels is an error.
     */
    public List<String> labels() {
        int n = size();
        if (n > MAX_LABELS) {
            throw new PickleException("pandas index of " + n + " column names; at most " + MAX_LABELS + " are read");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object label = get(i);
            out.add(label instanceof String s ? PickleValues.abbreviate(s)
                    : label instanceof Number num ? num.toString() : PickleValues.describe(label));
        }
        return out;
    }

    public String className() {
        return className;
    }

    /** An allow-listed pandas index class, as named by the pickle; calling it builds an index. */
    record IndexClass(String name) implements net.razorvine.pickle.IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            PandasIndex index = new PandasIndex(name);
            if (args.length > 0 && args[0] != null) {
                index.setData(args[0]);
            }
            return index;
        }
    }
}
