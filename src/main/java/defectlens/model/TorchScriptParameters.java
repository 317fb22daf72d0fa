package defectlens.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.nn.Parameter;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Path;

/** Counts the values of the parameters of TorchScript modules (buffers such as BatchNorm statistics excluded). */
final class TorchScriptParameters {
    private TorchScriptParameters() {
    }

    /**
     * The parameter count of the modules together. A module that does not load ends in a
     * {@link DefectLensException} naming it: a count of 0 in {@code model.json} would be a silent lie.
     */
    static long count(Path... modules) {
        long n = 0;
        for (Path file : modules) {
            String name = file.getFileName().toString().replaceFirst("\\.pt$", "");
            try (Model model = Model.newInstance(name, "PyTorch")) {
                model.load(file.getParent() == null ? Path.of(".") : file.getParent(), name);
                for (var p : model.getBlock().getParameters()) {
                    Parameter param = p.getValue();
                    if (param.getArray() != null && !isBuffer(p.getKey())) {
                        n += param.getArray().size();
                    }
                }
            } catch (IOException | MalformedModelException | EngineException e) {
                throw new DefectLensException(file, "cannot be loaded to count its parameters (" + e.getMessage() + ")",
                        e);
            }
        }
        return n;
    }

    private static boolean isBuffer(String key) {
        return key.endsWith("running_mean") || key.endsWith("running_var") || key.endsWith("num_batches_tracked");
    }
}
