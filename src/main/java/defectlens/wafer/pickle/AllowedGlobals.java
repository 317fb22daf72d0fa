package defectlens.wafer.pickle;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * The only Python globals a wafer pickle may name: numpy arrays, dtypes and scalars (numpy 1.x
 * {@code numpy.core} and 2.x {@code numpy._core} paths), the pandas DataFrame, its BlockManager,
 * blocks, indexes, categoricals and datetime arrays (current and old module paths), {@code slice},
 * the bytes helpers of protocol-2 pickles ({@code _codecs.encode}, {@code bytearray}) and
 * {@code copyreg._reconstructor} of allowed classes. Each maps to a Java constructor of a plain data object;
 * every other name is refused with {@link ForbiddenGlobalException} before anything is built.
 */
public final class AllowedGlobals {
    /** {@code numpy.ndarray}, the class argument of {@code _reconstruct}. */
    static final IObjectConstructor NDARRAY = args -> new NumpyArray();
    /** The pandas Categorical class under any of its module paths. */
    static final IObjectConstructor CATEGORICAL = args -> new PandasCategorical();

    /** pandas DatetimeArray and TimedeltaArray: numpy arrays of datetime64 / timedelta64 inside. */
    static final IObjectConstructor DATETIME_LIKE = args -> new PandasBackedArray();

    private static final Map<String, IObjectConstructor> ALLOWED = build();

    private AllowedGlobals() {
    }

    /** The constructor for {@code module.name}, or a {@link ForbiddenGlobalException} naming it. */
    public static IObjectConstructor resolve(String module, String name) {
        IObjectConstructor c = ALLOWED.get(module + "." + name);
        if (c == null) {
            throw new ForbiddenGlobalException(module + "." + name);
        }
        return c;
    }

    /** Whether {@code module.name} is on the allow-list. */
    public static boolean isAllowed(String dottedName) {
        return ALLOWED.containsKey(dottedName);
    }

    private static Map<String, IObjectConstructor> build() {
        Map<String, IObjectConstructor> m = new HashMap<>();
        m.put("numpy.ndarray", NDARRAY);
        m.put("numpy.dtype", AllowedGlobals::dtype);
        for (String core : new String[] {"numpy.core", "numpy._core"}) {
            m.put(core + ".multiarray._reconstruct", AllowedGlobals::reconstruct);
            m.put(core + ".multiarray.scalar", AllowedGlobals::scalar);
            m.put(core + ".numeric._frombuffer", NumpyArray::fromBuffer);
        }
        for (String frame : new String[] {"pandas.core.frame"}) {
            m.put(frame + ".DataFrame", AllowedGlobals::dataFrame);
        }
        m.put("pandas.core.internals.managers.BlockManager", PandasBlockManager::construct);
        m.put("pandas.core.internals.BlockManager", PandasBlockManager::construct);
        m.put("pandas._libs.internals._unpickle_block", PandasBlock::unpickle);
        for (String base : new String[] {"pandas.core.indexes.base", "pandas.indexes.base", "pandas.core.index"}) {
            m.put(base + "._new_Index", PandasIndex::newIndex);
            m.put(base + ".Index", new PandasIndex.IndexClass("Index"));
        }
        String[] numericModules = {"pandas.core.indexes.numeric", "pandas.indexes.numeric", "pandas.core.index"};
        for (String numeric : numericModules) {
            for (String cls : new String[] {"Int64Index", "UInt64Index", "Float64Index", "NumericIndex"}) {
                m.put(numeric + "." + cls, new PandasIndex.IndexClass(cls));
            }
        }
        for (String range : new String[] {"pandas.core.indexes.range", "pandas.indexes.range"}) {
            m.put(range + ".RangeIndex", new PandasIndex.IndexClass("RangeIndex"));
        }
        m.put("pandas.core.arrays.categorical.Categorical", CATEGORICAL);
        m.put("pandas.core.categorical.Categorical", CATEGORICAL);
        m.put("pandas.core.dtypes.dtypes.CategoricalDtype", args -> new PandasCategorical());
        m.put("pandas.core.arrays.datetimes.DatetimeArray", DATETIME_LIKE);
        m.put("pandas.core.arrays.timedeltas.TimedeltaArray", DATETIME_LIKE);
        m.put("pandas._libs.arrays.__pyx_unpickle_NDArrayBacked", AllowedGlobals::ndArrayBacked);
        for (String builtins : new String[] {"builtins", "__builtin__"}) {
            m.put(builtins + ".slice", PySlice::of);
            m.put(builtins + ".bytearray", AllowedGlobals::bytes);
            m.put(builtins + ".bytes", AllowedGlobals::bytes);
        }
        m.put("_codecs.encode", AllowedGlobals::bytes);
        m.put("copyreg._reconstructor", AllowedGlobals::reconstructor);
        m.put("copy_reg._reconstructor", AllowedGlobals::reconstructor);
        return Map.copyOf(m);
    }

    private static Object dtype(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof String descr)) {
            throw new PickleException("numpy.dtype expects a descriptor string");
        }
        return NumpyDtype.parse(descr);
    }

    private static Object reconstruct(Object[] args) {
        if (args.length > 0 && args[0] == NDARRAY) {
            return new NumpyArray();
        }
        if (args.length > 0 && args[0] instanceof PandasIndex.IndexClass cls) {
            return new PandasIndex(cls.name());
        }
        throw new PickleException("_reconstruct of a class that is not numpy.ndarray or a pandas index");
    }

    private static Object scalar(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof NumpyDtype dtype)) {
            throw new PickleException("numpy scalar without dtype");
        }
        if (dtype.isObject()) {
            return args.length > 1 ? args[1] : null;
        }
        return dtype.scalar(PickleValues.toBytes(args[1]));
    }

    private static Object dataFrame(Object[] args) {
        if (args.length != 0) {
            throw new PickleException("DataFrame constructed with arguments");
        }
        return new PandasFrame();
    }

    private static Object ndArrayBacked(Object[] args) {
        if (args.length < 1 || (args[0] != CATEGORICAL && args[0] != DATETIME_LIKE)) {
            throw new PickleException("__pyx_unpickle_NDArrayBacked of a class that is not an allowed pandas array");
        }
        PickleState c = args[0] == CATEGORICAL ? new PandasCategorical() : new PandasBackedArray();
        if (args.length > 2 && args[2] != null) {
            c.setState(args[2]);
        }
        return c;
    }

    /** {@code _codecs.encode(text, "latin1")}, {@code bytearray(...)}, {@code bytes(...)}: text to bytes. */
    private static Object bytes(Object[] args) {
        if (args.length == 0) {
            return new byte[0];
        }
        if (args[0] instanceof String s) {
            String enc = args.length > 1 && args[1] instanceof String e ? e.toLowerCase().replace("-", "") : "utf8";
            return s.getBytes(enc.equals("latin1") || enc.equals("iso88591") ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
        }
        return PickleValues.toBytes(args[0]);
    }

    /** {@code copyreg._reconstructor(cls, object, None)}: an empty instance of an allowed class. */
    private static Object reconstructor(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof IObjectConstructor cls)) {
            throw new PickleException("_reconstructor of something that is not an allowed class");
        }
        if (args.length > 2 && args[2] != null) {
            throw new PickleException("_reconstructor with a base-class state is not supported");
        }
        return cls.construct(new Object[0]);
    }
}
