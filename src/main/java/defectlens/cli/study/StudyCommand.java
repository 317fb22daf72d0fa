package defectlens.cli.study;

import defectlens.cli.CommandGroup;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.study.JournalMerger;
import defectlens.journal.JournalReport;
import defectlens.study.Rating;
import defectlens.study.MethodQuestionStats;
import defectlens.study.ModelRef;
import defectlens.study.PairedComparison;
import defectlens.study.Questionnaire;
import defectlens.study.RaterProgress;
import defectlens.study.RatingCsvExport;
import defectlens.study.RatingSet;
import defectlens.study.StudyAnalysis;
import defectlens.study.StudyCreator;
import defectlens.study.StudyDesign;
import defectlens.study.StudyItem;
import defectlens.study.StudySampling;
import defectlens.study.StudyFolder;
import defectlens.study.StudyPlan;
import defectlens.study.StudySummary;
import defectlens.study.SummaryText;
import defectlens.study.Plural;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code study ...}: expert rating studies of explanations (create, status, merge, summary, export). */
@Command(name = "study", mixinStandardHelpOptions = true, description = "Expert rating studies of explanations.",
        subcommands = {StudyCommand.Create.class, StudyCommand.Status.class, StudyCommand.Merge.class,
            StudyCommand.Summary.class, StudyCommand.Export.class, StudyExplanationsCommand.class})
public final class StudyCommand extends CommandGroup {

    /** The study's journals checked against its plan, with their refused lines reported on stderr. */
    static JournalReport<Rating> checkedJournals(CommandSpec spec, StudyFolder f) {
        JournalReport<Rating> report = f.check();
        reportRefusals(spec, report);
        return report;
    }

    /** One stderr line per journal with refused lines: how many, why, and which lines. */
    static void reportRefusals(CommandSpec spec, JournalReport<Rating> report) {
        for (String journal : report.journalsWithRefusals()) {
            spec.commandLine().getErr().println("warning: " + journal + ": " + report.describe(journal));
        }
    }

    /**
     * {@code study create --data DIR --methods gradcam,craft [--images N [--per-class]] [--seed S] [--only-with-masks]
     * [--model-dir DIR] [--raters a,b] [--no-blinding] [--show-class] --out STUDY_DIR}.
     */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a study folder (study.json) from a data set.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", required = true, description = "Data-set folder or CSV.")
        Path data;
        @Option(names = "--methods", required = true, split = ",", description = "Explanation methods, e.g. gradcam,craft.")
        List<String> methods;
        @Option(names = "--images", defaultValue = "0", description = "Number of images drawn from the data set (0 = all).")
        int images;
        @Option(names = "--per-class", description = "Draw --images images of every class instead of in all.")
        boolean perClass;
        @Option(names = "--only-with-masks", description = "Draw only images that have a ground-truth mask.")
        boolean onlyWithMasks;
        @Option(names = "--model-dir", description = "The model bundle explained; study explanations then needs no --model.")
        Path modelDir;
        @Option(names = "--raters", split = ",", description = "Ids of the invited raters, e.g. anna,ben.")
        List<String> raters;
        @Option(names = "--blinding", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Show methods as Explanation A, B, ... (default; --no-blinding shows their names).")
        boolean blinding;
        @Option(names = "--show-class", description = "Name the class each explanation explains in the rating window.")
        boolean showClass;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of the image draw (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--model", defaultValue = "unspecified", description = "Name of the model explained.")
        String model;
        @Option(names = "--model-version", defaultValue = "", description = "Version of the model explained.")
        String modelVersion;
        @Option(names = "--questionnaire", description = "Questionnaire JSON (default: the built-in explanation-satisfaction scale).")
        Path questionnaire;
        @Option(names = "--out", required = true, description = "The study folder to create.")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Questionnaire q = questionnaire == null ? Questionnaire.explanationSatisfaction() : Questionnaire.load(questionnaire);
            SemDataset d = DatasetOpener.open(data);
            List<StudyCreator.Candidate> candidates = d.samples().stream()
                    .map(s -> new StudyCreator.Candidate(s.id(), s.image(), s.label(), s.mask() != null)).toList();
            String name = modelDir != null && model.equals("unspecified")
                    ? modelDir.toAbsolutePath().normalize().getFileName().toString() : model;
            ModelRef ref = new ModelRef(name, modelVersion, modelDir == null ? null : modelDir.toString());
            StudyDesign design = new StudyDesign(methods, new StudySampling(images, perClass, seed, onlyWithMasks), ref,
                    q, raters, blinding, showClass);
            StudyPlan plan = StudyCreator.create(d.root(), candidates, design, out);
            PrintWriter o = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("study", out.toAbsolutePath().normalize().toString());
                m.put("studyId", plan.studyId());
                m.put("images", plan.images().size());
                m.put("methods", plan.methods());
                m.put("questions", q.questions().size());
                m.put("answersPerRater", plan.answersPerRater());
                o.println(Json.write(m));
            } else {
                o.printf("study %s created in %s%n  %d images x %d methods x %d questions = %d answers per rater%n",
                        plan.studyId(), out, plan.images().size(), plan.methods().size(), q.questions().size(), plan.answersPerRater());
            }
            return 0;
        }
    }

    /** {@code study status --study DIR}: each rater's progress and where they resume. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Progress of each rater of a study.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--study", required = true, description = "The study folder.")
        Path study;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StudyFolder f = StudyFolder.open(study);
            JournalReport<Rating> report = checkedJournals(spec, f);
            RatingSet set = RatingSet.of(report.accepted());
            List<StudyItem> unavailable = f.unavailableItems();
            java.util.Set<StudyItem> missing = new java.util.HashSet<>(unavailable);
            java.util.TreeSet<String> raters = new java.util.TreeSet<>(f.plan().raters());
            raters.addAll(set.raters());
            List<RaterProgress> progress = new ArrayList<>();
            for (String r : raters) {
                progress.add(RaterProgress.of(f.plan(), r, set.effective(), item -> !missing.contains(item)));
            }
            int items = f.plan().images().size() * f.plan().methods().size();
            PrintWriter o = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("studyId", f.plan().studyId());
                m.put("items", items);
                m.put("unavailableItems", unavailable.size());
                m.put("unavailable", unavailable);
                m.put("raters", progress);
                m.put("refused", report);
                o.println(Json.write(m));
            } else {
                o.printf("study %s: %s, %d items%s%n", f.plan().studyId(), Plural.of(progress.size(), "rater"), items,
                        unavailable.isEmpty() ? "" : ", " + unavailable.size() + " unavailable (picture missing: "
                                + "they cannot be rated; run study explanations)");
                for (StudyItem u : unavailable) {
                    o.printf("  unavailable: image %s, %s%n", u.imageId(), u.method());
                }
                for (RaterProgress p : progress) {
                    o.printf("  %-16s %4d / %d%s%n", p.rater(), p.answered(), p.total(), p.total() == 0
                            ? "  no item can be rated yet" : p.complete() ? "  complete"
                            : "  resumes at item " + (p.resumeItem() + 1) + ", question " + (p.resumeQuestion() + 1));
                }
            }
            return 0;
        }
    }

    /** {@code study merge --study DIR --from JOURNAL...}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge journals from other machines into the study; duplicate submissions are recognised.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--study", required = true, description = "The study folder.")
        Path study;
        @Option(names = "--from", required = true, arity = "1..*", description = "Journal files (journal-<rater>.jsonl).")
        List<Path> from;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            JournalMerger.MergeResult r = JournalMerger.merge(StudyFolder.open(study), from);
            reportRefusals(spec, r.refused());
            PrintWriter o = spec.commandLine().getOut();
            if (json.on()) {
                o.println(Json.write(r));
            } else {
                o.printf("read %d ratings: %d added, %d duplicates, %d of another study; %d line(s) refused%n",
                        r.read(), r.added(), r.duplicates(), r.otherStudy(), r.refused().refused());
            }
            return 0;
        }
    }

    /** {@code study summary --study DIR [--json]}. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Per method and question statistics, paired Wilcoxon tests and Krippendorff's alpha.")
    static final class Summary implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--study", required = true, description = "The study folder.")
        Path study;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StudyFolder f = StudyFolder.open(study);
            JournalReport<Rating> report = checkedJournals(spec, f);
            StudySummary s = StudyAnalysis.summarize(f.plan(), RatingSet.of(report.accepted()));
            PrintWriter o = spec.commandLine().getOut();
            if (json.on()) {
                o.println(Json.writeWith(s, "refused", report));
                return 0;
            }
            o.printf("study %s: %s, %s (%d replaced by re-ratings)%n", s.studyId(), Plural.of(s.raters().size(), "rater"),
                    Plural.of(s.ratings(), "rating"), s.replaced());
            o.printf("  %-4s %-10s %4s %6s %6s %6s %8s%n", "q", "method", "n", "mean", "sd", "median", ">=4");
            for (MethodQuestionStats m : s.stats()) {
                o.printf("  %-4s %-10s %4d %6s %6s %6s %4d/%d raters%n", m.question(), m.method(), m.n(),
                        SummaryText.number(m.mean(), "%.2f"), SummaryText.number(m.sd(), "%.2f"),
                        SummaryText.number(m.median(), "%.1f"), m.ratersAgreeing(), m.raters());
            }
            for (PairedComparison c : s.comparisons()) {
                o.println("  " + SummaryText.comparison(c));
            }
            o.println("  " + SummaryText.agreement(s.agreement()));
            return 0;
        }
    }

    /** {@code study export --study DIR --csv FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the ratings as a long-format CSV.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--study", required = true, description = "The study folder.")
        Path study;
        @Option(names = "--csv", required = true, description = "The CSV file to write.")
        Path csv;
        @Option(names = "--include-replaced", description = "Also write ratings a later re-rating replaced (replaced=true).")
        boolean includeReplaced;
        @Option(names = "--force", description = "Replace the CSV file if it exists.")
        boolean force;

        @Override
        public Integer call() {
            StudyFolder f = StudyFolder.open(study);
            JournalReport<Rating> report = checkedJournals(spec, f);
            int rows = RatingCsvExport.write(f.plan(), RatingSet.of(report.accepted()), includeReplaced, csv, force);
            spec.commandLine().getErr().printf("wrote %d ratings to %s%n", rows, csv);
            return 0;
        }
    }
}
