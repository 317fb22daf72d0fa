package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.model.InferenceWorkers;
import defectlens.wafer.LabelledMaps;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferEvaluation;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPredictions;
import defectlens.wafer.WaferTrainer;
import defectlens.wafer.WaferTrainingConfig;
import defectlens.wafer.WaferTrainingPlan;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code bench wafer}: inference throughput of a wafer model bundle on real maps, median of repeats, wall and
 * process CPU time: end to end as {@code wafer classify} runs (decoding, encoding and the networks, pipelined
 * over {@code --workers} threads),
 * {@code predict} on decoded maps (input encoding, i.e. the Radon transform for sinogram variants, plus the
 * network; {@code --batch} inputs per forward call) and the network alone; and the training time per epoch.
 */
@Command(name = "wafer", mixinStandardHelpOptions = true,
        description = "Wafer CNN inference throughput (maps/s, with and without the input encoding) and "
                + "training time per epoch (recorded, or timed with --train-maps).")
public final class BenchWaferCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "wafer model bundle")
    Path modelDir;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle whose labelled maps are classified")
    Path data;

    @Option(names = "--maps", defaultValue = "1024", description = "maps per timed run (default ${DEFAULT-VALUE})")
    int maps;

    @Option(names = "--repeats", defaultValue = "3", description = "timed repeats, the median is reported (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--batch", paramLabel = "N",
            description = "network inputs per forward call (when averaging over the 8 symmetries: N / 8 maps and "
                    + "their copies); default the model's, " + WaferModel.FORWARD_BATCH)
    Integer batch;

    @Option(names = "--workers", paramLabel = "N",
            description = "threads running forward calls at once end to end (default: cores / PyTorch intra-op "
                    + "threads, or -D" + InferenceWorkers.PROPERTY + ")")
    Integer workers;

    @Option(names = "--fuse-members", paramLabel = "true|false", arity = "1",
            description = "run an ensemble's networks as one fused graph (true) or each as its own graph (false); "
                    + "default " + WaferModel.FUSE_MEMBERS)
    Boolean fuseMembers;

    @Option(names = "--reference-batch", paramLabel = "N",
            description = "also time the path before the fused graph (one forward call per network, N inputs each; "
                    + "64 was its default) on the same maps, for a side-by-side figure")
    Integer referenceBatch;

    @Option(names = "--train-maps", defaultValue = "0", paramLabel = "N",
            description = "also time one training epoch over N maps (real maps of the model's classes, cycled; "
                    + "batch 64, the paper's Adam recipe, a fresh network of the bundle's variant); 0 = skip (default)")
    int trainMaps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maps < 1 || repeats < 1 || (batch != null && batch < 1)
                || (referenceBatch != null && referenceBatch < 1) || (workers != null && workers < 1)) {
            throw new DefectLensException("need --maps >= 1, --repeats >= 1, --batch >= 1, --workers >= 1 and "
                    + "--reference-batch >= 1");
        }
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            if (batch != null) {
                model.setForwardBatch(batch);
            }
            if (workers != null) {
                model.setInferenceWorkers(workers);
            }
            if (fuseMembers != null) {
                model.setFuseMembers(fuseMembers);
            }
            WaferDataset dataset = WaferPickleReader.read(data);
            List<Integer> rows = WaferEvaluation.select(dataset, WaferEvaluation.allRows(dataset), model.classes()).rows();
            if (rows.isEmpty()) {
                throw new DefectLensException(data, "no maps of the model's classes");
            }
            List<Integer> picked = new ArrayList<>();
            for (int i = 0; i < maps; i++) {
                picked.add(rows.get(i % rows.size()));
            }
            float[][] input = WaferTrainingPlan.labelled(dataset, picked, model.classes()).maps();
            model.predict(Arrays.copyOf(input, Math.min(256, input.length))); // warm-up
            double[] endToEnd = median(() -> classifyRows(model, dataset, picked));
            double[] predict = median(() -> model.predict(input));
            float[][] encoded = model.encoder().encode(input);
            double[] network = median(() -> model.predictEncoded(encoded));
            double median = predict[0];
            double[] reference = null;
            if (referenceBatch != null) {
                int fused = model.forwardBatch();
                model.setForwardBatch(referenceBatch);
                boolean average = model.averageOverSymmetries();
                model.predictPerNetwork(Arrays.copyOf(input, Math.min(16, input.length)), average); // warm-up
                reference = median(() -> model.predictPerNetwork(input, average));
                model.setForwardBatch(fused);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "wafer");
            doc.put("variant", model.variant().id());
            doc.put("classes", model.classes().size());
            doc.put("batch", model.forwardBatch());
            doc.put("networks", model.networkCount());
            doc.put("fuse_members", model.fuseMembers());
            doc.put("inference_workers", model.inferenceWorkers());
            doc.put("torch_threads", System.getProperty(InferenceWorkers.TORCH_THREADS, "default"));
            doc.put("maps", maps);
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("load_average_at_start", loadAtStart);
            doc.put("end_to_end_seconds_median", endToEnd[0]);
            doc.put("end_to_end_maps_per_second", maps / endToEnd[0]);
            doc.put("end_to_end_cpu_seconds_median", endToEnd[1]);
            doc.put("seconds_median", median);
            doc.put("maps_per_second", maps / median);
            doc.put("cpu_seconds_median", predict[1]);
            if (reference != null) {
                doc.put("reference_batch", referenceBatch);
                doc.put("reference_seconds_median", reference[0]);
                doc.put("reference_maps_per_second", maps / reference[0]);
                doc.put("reference_cpu_seconds_median", reference[1]);
            }
            doc.put("network_seconds_median", network[0]);
            doc.put("network_maps_per_second", maps / network[0]);
            doc.put("network_cpu_seconds_median", network[1]);
            doc.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // "seconds_median" is the bundle's predict: 8 passes per map when it averages over symmetries
            doc.put("average_over_symmetries", model.averageOverSymmetries());
            if (model.provenance().get("training") instanceof Map<?, ?> t && t.get("trainingSeconds") instanceof Number s
                    && t.get("epochs") instanceof Number e && e.intValue() > 0) {
                doc.put("train_maps", t.get("trainMaps"));
                doc.put("training_seconds_per_epoch", s.doubleValue() / e.intValue());
            }
            if (trainMaps > 0) {
                doc.put("timed_epoch_maps", trainMaps);
                doc.put("timed_epoch_seconds", epochSeconds(model, dataset, rows));
            }
            spec.commandLine().getOut().println(Json.write(doc));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Median wall seconds and median process CPU seconds (all threads, native ones included) of the repeats. */
    private double[] median(Runnable run) {
        double[] seconds = new double[Math.max(1, repeats)];
        double[] cpu = new double[seconds.length];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < seconds.length; r++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            run.run();
            seconds[r] = (System.nanoTime() - t) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - c) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        return new double[] {seconds[seconds.length / 2], cpu[cpu.length / 2]};
    }

    /** What {@code wafer classify} does with the rows: decode, encode and classify, pipelined, in its batches. */
    private static void classifyRows(WaferModel model, WaferDataset dataset, List<Integer> rows) {
        try {
            WaferPredictions.classifyRows(model, dataset, rows, model.averageOverSymmetries(), (b, p) -> { },
                    Progress.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Wall time of the second of two training epochs over {@code trainMaps} maps (the first one warms up),
     * the validation pass over 256 maps included, as {@code wafer train} runs it.
     */
    private double epochSeconds(WaferModel model, WaferDataset dataset, List<Integer> rows) {
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < trainMaps; i++) {
            train.add(rows.get(i % rows.size()));
        }
        List<Integer> validation = rows.subList(0, Math.min(256, rows.size()));
        LabelledMaps t = WaferTrainingPlan.labelled(dataset, train, model.classes());
        LabelledMaps v = WaferTrainingPlan.labelled(dataset, validation, model.classes());
        WaferTrainingConfig config = WaferTrainingConfig.paper().withMaxEpochs(2).withPatience(2).withAngles(model.angles());
        List<Long> ends = new ArrayList<>();
        long start = System.nanoTime();
        try (WaferModel trained = new WaferTrainer(config).train(model.variant(), model.classes(), t, v, new LinkedHashMap<>(),
                r -> ends.add(System.nanoTime()), Progress.NONE).model()) {
            spec.commandLine().getErr().println("bench wafer: epoch 1 took " + (ends.get(0) - start) / 1e9 + " s");
        }
        return (ends.get(1) - ends.get(0)) / 1e9;
    }
}
