package defectlens.cli.spark;

import defectlens.core.RuntimeEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The model bundles an executor JVM has loaded, by kind and digest of their files: the first task of a job
 * writes the broadcast bundle into the local temporary directory and loads it, every later task of that executor
 * (and of later jobs with the same bundle) takes the loaded one. The loaded models are thread-safe for inference,
 * so the task threads of an executor share them; they live as long as the executor.
 */
final class ExecutorBundles {
    private static final Map<String, Object> LOADED = new HashMap<>();

    private ExecutorBundles() {
    }

    /** The bundle of {@code files} as {@code loader} makes it from its folder, loaded once per JVM. */
    static synchronized <T> T get(BundleFiles files, Class<T> type, Function<Path, T> loader) {
        String key = type.getName() + ":" + files.digest();
        Object loaded = LOADED.get(key);
        if (loaded == null) {
            RuntimeEnvironment.prepare();
            Path dir = files.materialize(Path.of(System.getProperty("java.io.tmpdir")));
            loaded = loader.apply(dir);
            LOADED.put(key, loaded);
        }
        return type.cast(loaded);
    }

    /** Keeps a bundle the driver loaded already (in local mode the driver is the executor: no second load). */
    static synchronized <T> void offer(BundleFiles files, Class<T> type, T loaded) {
        LOADED.putIfAbsent(type.getName() + ":" + files.digest(), loaded);
    }
}
