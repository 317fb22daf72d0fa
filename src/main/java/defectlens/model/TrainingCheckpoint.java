package defectlens.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.DefectLensException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The last finished epoch of a training run on disk, so a stopped run (Ctrl-C, a killed process, a full session)
 * continues where it was: {@code BUNDLE/checkpoint/last.bin} (every parameter, BatchNorm statistics included) and
 * {@code BUNDLE/checkpoint/state.json} (epoch, best macro F1 and its epoch, epochs since, learning rate). Both are
 * written to temporary files and moved into place, state last, so a run stopped while writing keeps the previous
 * epoch's pair. Adam's moments are not kept: a resumed run starts them afresh.
 */
final class TrainingCheckpoint {
    static final String FOLDER = "checkpoint";
    private static final String WEIGHTS = "last.bin";
    private static final String STATE = "state.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingCheckpoint() {
    }

    /** Where a run stood after its last finished epoch. */
    record State(@JsonProperty("epoch") int epoch, @JsonProperty("best_macro_f1") double bestF1,
            @JsonProperty("best_epoch") int bestEpoch, @JsonProperty("since_best") int sinceBest,
            @JsonProperty("learning_rate") float learningRate, @JsonProperty("recoveries") int recoveries) {
    }

    static void save(Path bundle, WeightCheckpoint weights, State state) {
        Path dir = bundle.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(WEIGHTS + ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.writeInt(weights.values().size());
                for (float[] v : weights.values()) {
                    out.writeInt(v.length);
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
            Path stateTmp = dir.resolve(STATE + ".tmp");
            Files.writeString(stateTmp, MAPPER.writeValueAsString(state) + "\n");
            Files.move(tmp, dir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
            Files.move(stateTmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot write the training checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /** The saved state, or null when the bundle folder holds no checkpoint. */
    static State readState(Path bundle) {
        Path file = bundle.resolve(FOLDER).resolve(STATE);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(bundle.resolve(FOLDER).resolve(WEIGHTS))) {
            return null;
        }
        try {
            return MAPPER.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new DefectLensException(file, "not a training checkpoint state (" + e.getMessage() + ")", e);
        }
    }

    /** The saved weights; they must have {@code expected} parameters. */
    static WeightCheckpoint readWeights(Path bundle, int expected) {
        Path file = bundle.resolve(FOLDER).resolve(WEIGHTS);
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int n = in.readInt();
            if (n != expected) {
                throw new DefectLensException(file, "holds " + n + " parameters, the network has " + expected
                        + " (a checkpoint of another architecture?)");
            }
            List<float[]> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > 1 << 28) {
                    throw new DefectLensException(file, "corrupt: parameter " + i + " claims " + len + " values");
                }
                float[] v = new float[len];
                for (int j = 0; j < len; j++) {
                    v[j] = in.readFloat();
                }
                values.add(v);
            }
            return WeightCheckpoint.ofValues(values);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the training checkpoint (" + e.getMessage() + ")", e);
        }
    }
}
