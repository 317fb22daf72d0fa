package defectlens.model;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.nio.file.Path;

/** Counts the values of the parameters of TorchScript modules (buffers such as BatchNorm statistics excluded). */
final class TorchScriptParameters {
    private TorchScriptParameters() {
    }

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
            } catch (Exception e) {
                return 0;
            }
        }
        return n;
    }

    private static boolean isBuffer(String key) {
        return key.endsWith("running_mean") || key.endsWith("running_var") || key.endsWith("num_batches_tracked");
    }
}
