package defectlens.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngineProvider;

/**
 * DJL's PyTorch engine, with NNPACK switched off ({@link NnpackSwitch}) the moment DJL has loaded libtorch and
 * before anyone gets the engine, so before any convolution can run. Every way DJL reaches the engine
 * ({@code NDManager.newBaseManager()}, {@code Model.newInstance}, {@code Engine.getInstance()}) asks the provider
 * registered under the engine's name.
 *
 * <p>Registered in {@code META-INF/services/ai.djl.engine.EngineProvider} under DJL's name {@code PyTorch}: DJL
 * keeps the first provider of a name that {@link java.util.ServiceLoader} finds, and DefectLens's own classes come
 * before the DJL jars on the class path wherever it starts (the jar's manifest, the app image, the tests). Were
 * DJL's own provider found first, libtorch would merely print its NNPACK warnings again
 * ({@code CliStderrTest} fails then).
 */
public final class PyTorchEngineProvider extends PtEngineProvider {
    @Override
    public Engine getEngine() {
        Engine engine = super.getEngine();
        NnpackSwitch.switchOff();
        return engine;
    }
}
