package defectlens.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates the CLI's command objects for picocli: a command with a {@link ModelOpener} constructor gets the factory's
 * opener, every other class is made by picocli's default factory. The product uses {@link ModelOpener#BUNDLES};
 * tests pass their own opener, so no command holds a mutable static hook.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final ModelOpener models;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(ModelOpener models) {
        this.models = models;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 1 && params[0] == ModelOpener.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(models));
            }
        }
        return fallback.create(cls);
    }
}
