package defectlens.wafer.stacking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A Tribuo classification model behind {@link ProbabilityClassifier}, with the glue to build Tribuo data sets. */
public final class TribuoClassifier implements ProbabilityClassifier {
    private static final LabelFactory LABELS = new LabelFactory();
    private final Model<Label> model;
    private final List<String> classes;

    TribuoClassifier(Model<Label> model, List<String> classes) {
        this.model = model;
        this.classes = classes;
    }

    /** Trains {@code trainer} on the rows. */
    static TribuoClassifier fit(Trainer<Label> trainer, LabelledFeatures data) {
        MutableDataset<Label> set = new MutableDataset<>(new SimpleDataSourceProvenance("wafer features", LABELS),
                LABELS);
        String[] names = featureNames(data.x()[0].length);
        for (int i = 0; i < data.size(); i++) {
            set.add(new ArrayExample<>(new Label(data.classes().get(data.y()[i])), names, data.x()[i]));
        }
        return new TribuoClassifier(trainer.train(set), data.classes());
    }

    private static String[] featureNames(int d) {
        String[] names = new String[d];
        for (int k = 0; k < d; k++) {
            names[k] = String.format("f%02d", k);
        }
        return names;
    }

    @Override
    public double[][] probabilities(double[][] x) {
        String[] names = featureNames(x[0].length);
        List<Example<Label>> examples = new ArrayList<>(x.length);
        for (double[] row : x) {
            examples.add(new ArrayExample<>(LABELS.getUnknownOutput(), names, row));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] out = new double[x.length][classes.size()];
        for (int i = 0; i < x.length; i++) {
            Prediction<Label> p = predictions.get(i);
            if (p.hasProbabilities()) {
                for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
                    int c = classes.indexOf(e.getKey());
                    if (c >= 0) {
                        out[i][c] = e.getValue().getScore();
                    }
                }
                normalise(out[i]);
            } else {
                out[i][classes.indexOf(p.getOutput().getLabel())] = 1;
            }
        }
        return out;
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        if (s > 0) {
            for (int c = 0; c < p.length; c++) {
                p[c] /= s;
            }
        }
    }

    /** Writes the model gzipped in Tribuo's protobuf format. */
    void save(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            model.serializeToStream(out);
        }
    }

    /** Reads a model written by {@link #save(Path)}. */
    @SuppressWarnings("unchecked")
    static TribuoClassifier load(Path file, List<String> classes) throws IOException {
        Model<?> m;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            m = Model.deserializeFromStream(in);
        }
        if (!m.validate(Label.class)) {
            throw new IOException("not a classification model");
        }
        return new TribuoClassifier((Model<Label>) m, classes);
    }
}
