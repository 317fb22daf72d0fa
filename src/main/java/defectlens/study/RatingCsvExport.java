package defectlens.study;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.OutputFile;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ratings as a long-format CSV, one row per rating, ready for R ({@code read.csv}) or pandas:
 * study, rater, image, method, label (blinded), question, value, comment, time, model, model version,
 * app version, submission id and {@code replaced} (true for a rating a later re-rating replaced;
 * such rows are only written when asked for).
 */
public final class RatingCsvExport {
    static final List<String> COLUMNS = List.of("study", "rater", "image", "method", "label", "question", "value",
            "comment", "time", "model", "model_version", "app_version", "submission_id", "replaced");

    private RatingCsvExport() {
    }

    /**
     * Writes the effective ratings (and with {@code includeReplaced} the replaced ones too); returns the row
     * count. An existing file is replaced only with {@code force}; a failure leaves no partial file.
     */
    public static int write(StudyPlan plan, RatingSet set, boolean includeReplaced, Path file, boolean force) {
        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<Rating> effective = new java.util.HashSet<>(set.effective());
        for (Rating r : set.all()) {
            boolean replaced = !effective.contains(r);
            if (replaced && !includeReplaced) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", r.studyId());
            row.put("rater", r.rater());
            row.put("image", r.imageId());
            row.put("method", r.method());
            row.put("label", plan.blinding().entrySet().stream().filter(e -> e.getValue().equals(r.method()))
                    .map(Map.Entry::getKey).findFirst().orElse(""));
            row.put("question", r.question());
            row.put("value", r.value());
            row.put("comment", r.comment());
            row.put("time", r.time());
            row.put("model", plan.model() == null ? "" : plan.model().name());
            row.put("model_version", r.modelVersion());
            row.put("app_version", r.appVersion());
            row.put("submission_id", r.submissionId());
            row.put("replaced", replaced);
            rows.add(row);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        OutputFile.write(file, force, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new CsvMapper().writer(schema.build()).writeValues(w).writeAll(rows).close();
        });
        return rows.size();
    }
}
