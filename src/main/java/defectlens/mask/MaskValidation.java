package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetLayout;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The validation of a data set's masks by one expert: the state of each image's mask (newest verdict of any
 * expert's journal in {@code FOLDER/journals/}), this expert's {@link MaskValidationJournal}, and the output data
 * set ({@link MaskOutput}) that accepted and edited masks are written to. The folder lies outside the source data
 * set, so no source file is ever written.
 */
public final class MaskValidation implements AutoCloseable {
    private static final Comparator<MaskVerdict> BY_TIME = Comparator.comparing(v -> v.time() == null ? "" : v.time());

    private final SemDataset source;
    private final MaskOutput output;
    private final String author;
    private final Clock clock;
    private final MaskValidationJournal journal;
    private final Map<String, MaskVerdict> latest = new LinkedHashMap<>();

    private MaskValidation(SemDataset source, MaskOutput output, String author, Clock clock,
            MaskValidationJournal journal, List<MaskVerdict> known) {
        this.source = source;
        this.output = output;
        this.author = author;
        this.clock = clock;
        this.journal = journal;
        known.sort(BY_TIME);
        for (MaskVerdict v : known) {
            latest.put(v.image(), v);
        }
    }

    /** The output folder used unless the expert picks another: {@code NAME-masks} beside the data-set folder. */
    public static Path defaultFolder(SemDataset d) {
        Path root = d.root().toAbsolutePath().normalize();
        if (d.layout() == DatasetLayout.SINGLE_IMAGE && !d.samples().isEmpty()) {
            return root.resolve(MaskOutput.stem(d.samples().get(0)) + "-masks");
        }
        return root.resolveSibling(d.name() + "-masks");
    }

    /** Opens the validation of {@code source} in {@code folder} for {@code author}; locks the author's journal. */
    public static MaskValidation open(SemDataset source, Path folder, String author, Clock clock) {
        Path f = folder.toAbsolutePath().normalize();
        Path root = source.root().toAbsolutePath().normalize();
        boolean single = source.layout() == DatasetLayout.SINGLE_IMAGE;
        if (single ? root.startsWith(f) : f.startsWith(root) || root.startsWith(f)) {
            throw new DefectLensException(f, "the mask output folder must lie outside the data set " + root
                    + " (source files are never written)");
        }
        if (author == null || !author.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new DefectLensException("the expert's name may hold letters, digits, '.', '_' and '-': " + author);
        }
        Path journals = f.resolve("journals");
        Path own = journals.resolve(author + ".journal");
        MaskValidationJournal j = MaskValidationJournal.open(own);
        try {
            List<MaskVerdict> known = new ArrayList<>(j.verdicts());
            try (Stream<Path> files = Files.list(journals)) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".journal") && !p.equals(j.file()))
                        .sorted().toList()) {
                    known.addAll(MaskValidationJournal.scan(p).records());
                }
            }
            return new MaskValidation(source, new MaskOutput(f), author, clock, j, known);
        } catch (IOException e) {
            j.close();
            throw new DefectLensException(journals, "cannot list the mask validation journals: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            j.close();
            throw e;
        }
    }

    public SemDataset source() {
        return source;
    }

    public MaskOutput output() {
        return output;
    }

    public String author() {
        return author;
    }

    public Path journalFile() {
        return journal.file();
    }

    /** The newest verdict on an image's mask, or empty when nobody has judged it. */
    public synchronized Optional<MaskVerdict> latest(SemSample s) {
        return Optional.ofNullable(latest.get(s.id()));
    }

    /** The state of an image's mask: its newest verdict's, {@link MaskState#CANDIDATE} when it has none. */
    public MaskState state(SemSample s) {
        return latest(s).map(MaskVerdict::state).orElse(MaskState.CANDIDATE);
    }

    /** The queue: images of the data set without an accepted (or edited) mask, in data-set order. */
    public synchronized List<SemSample> withoutAcceptedMask() {
        List<SemSample> q = new ArrayList<>();
        for (SemSample s : source.samples()) {
            MaskVerdict v = latest.get(s.id());
            if (v == null || !v.state().isValidated()) {
                q.add(s);
            }
        }
        return q;
    }

    /** The file of an image's accepted or edited mask in the output data set, or empty. */
    public synchronized Optional<Path> acceptedMask(SemSample s) {
        MaskVerdict v = latest.get(s.id());
        if (v == null || !v.state().isValidated() || v.maskPath() == null) {
            return Optional.empty();
        }
        Path f = output.csv().resolveSibling(v.maskPath());
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** Number of images with an accepted or edited mask. */
    public synchronized int validatedCount() {
        return (int) latest.values().stream().filter(v -> v.state().isValidated()).count();
    }

    /**
     * Accepts a mask: writes it (and a copy of the image) into the output data set, journals the verdict
     * ({@link MaskState#EDITED} when the expert changed the candidate) and rewrites the index.
     */
    public synchronized MaskVerdict accept(SemSample s, BinaryMask mask, String generator, boolean edited) {
        MaskOutput.label(s);
        String maskPath = output.writeMask(s, mask);
        String imagePath = output.placeImage(s);
        MaskVerdict v = record(s, edited ? MaskState.EDITED : MaskState.ACCEPTED, generator, imagePath, maskPath);
        output.writeIndex(latest.values().stream().filter(x -> x.state().isValidated()).toList());
        return v;
    }

    /** Rejects the candidate of a generator; a formerly accepted mask leaves the output data set. */
    public synchronized MaskVerdict reject(SemSample s, String generator) {
        boolean wasValidated = state(s).isValidated();
        MaskVerdict v = record(s, MaskState.REJECTED, generator, null, null);
        if (wasValidated) {
            output.writeIndex(latest.values().stream().filter(x -> x.state().isValidated()).toList());
        }
        return v;
    }

    /** Notes that the expert now looks at the candidate of another generator. */
    public synchronized MaskVerdict propose(SemSample s, String generator) {
        boolean wasValidated = state(s).isValidated();
        MaskVerdict v = record(s, MaskState.CANDIDATE, generator, null, null);
        if (wasValidated) {
            output.writeIndex(latest.values().stream().filter(x -> x.state().isValidated()).toList());
        }
        return v;
    }

    private MaskVerdict record(SemSample s, MaskState state, String generator, String imagePath, String maskPath) {
        MaskVerdict v = new MaskVerdict(UUID.randomUUID().toString(), s.id(), s.label(), state, generator, author,
                MaskVerdict.timeNow(clock), imagePath, maskPath);
        journal.append(v);
        latest.remove(s.id());
        latest.put(s.id(), v);
        return v;
    }

    @Override
    public void close() {
        journal.close();
    }
}
