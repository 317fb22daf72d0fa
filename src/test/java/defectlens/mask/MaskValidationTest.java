package defectlens.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.cli.DefectLensCommand;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetLayout;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting, editing and rejecting masks of the demo data set: journal, queue and the Carinthia-S output. */
class MaskValidationTest {
    static final Path DEMO = Path.of("datasets/sem-demo");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void acceptedAndEditedMasksFormACarinthiaSDataSetThatSurvivesAReopen() {
        SemDataset demo = DatasetOpener.open(DEMO);
        SemSample first = demo.samples().get(0);
        SemSample second = demo.samples().get(1);
        Path out = tmp.resolve("demo-masks");
        BinaryMask existing = CandidateSource.existingMask().propose(first, SemImageReader.read(first.image()));
        MaskEditor ed = new MaskEditor(MaskRaster.of(existing));
        ed.invertBox(new PixelRect(0, 0, 8, 8));
        try (MaskValidation v = MaskValidation.open(demo, out, "ana", CLOCK)) {
            assertEquals(MaskState.CANDIDATE, v.state(first));
            MaskVerdict a = v.accept(first, existing, CandidateSource.EXISTING_MASK, false);
            assertEquals(MaskState.ACCEPTED, a.state());
            v.accept(second, ed.raster().toBinaryMask(), CandidateSource.EXISTING_MASK, true);
            v.reject(demo.samples().get(2), "empty");
            assertEquals(demo.size() - 2, v.withoutAcceptedMask().size());
        }
        SemDataset written = DatasetOpener.open(out);
        assertEquals(DatasetLayout.CARINTHIA_S, written.layout());
        assertEquals(2, written.size());
        assertEquals(2, written.maskCount());
        assertEquals(first.label(), written.samples().get(0).label());
        ImageRaster png = SemImageReader.read(written.samples().get(1).mask());
        for (short s : png.samples()) {
            assertTrue(s == 0 || s == 255, "binary 0/255 PNG");
        }
        BinaryMask back = BinaryMask.read(written.samples().get(1).mask());
        assertTrue(back.get(0, 0) != existing.get(0, 0) || back.area() != existing.area());
        assertEquals(ed.raster().area(), back.area());

        try (MaskValidation v = MaskValidation.open(demo, out, "ana", CLOCK)) {
            assertEquals(MaskState.ACCEPTED, v.state(first));
            assertEquals(MaskState.EDITED, v.state(second));
            assertEquals(MaskState.REJECTED, v.state(demo.samples().get(2)));
            assertFalse(v.withoutAcceptedMask().contains(first));
            v.reject(first, CandidateSource.EXISTING_MASK);
        }
        assertEquals(1, DatasetOpener.open(out).size(), "a rejected mask leaves the index");

        StringWriter json = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(json), new PrintWriter(new StringWriter()), "dataset", "info",
                out.toString(), "--json");
        assertEquals(0, code);
        assertTrue(json.toString().replace(" ", "").contains("\"masks\":1"), json.toString());
    }

    @Test
    void anotherExpertsVerdictsCountAndTheNewestWins() {
        SemDataset demo = DatasetOpener.open(DEMO);
        SemSample s = demo.samples().get(3);
        Path out = tmp.resolve("shared");
        BinaryMask m = CandidateSource.existingMask().propose(s, SemImageReader.read(s.image()));
        try (MaskValidation ana = MaskValidation.open(demo, out, "ana", CLOCK)) {
            ana.accept(s, m, CandidateSource.EXISTING_MASK, false);
        }
        Clock later = Clock.offset(CLOCK, java.time.Duration.ofMinutes(5));
        try (MaskValidation ben = MaskValidation.open(demo, out, "ben", later)) {
            assertEquals(MaskState.ACCEPTED, ben.state(s));
            ben.reject(s, CandidateSource.EXISTING_MASK);
        }
        try (MaskValidation ana = MaskValidation.open(demo, out, "ana", CLOCK)) {
            assertEquals(MaskState.REJECTED, ana.state(s));
            assertEquals("ben", ana.latest(s).orElseThrow().author());
        }
    }

    @Test
    void theOutputFolderMustLieOutsideTheSourceAndTheJournalIsLocked() {
        SemDataset demo = DatasetOpener.open(DEMO);
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> MaskValidation.open(demo, DEMO.resolve("data/masks-out"), "ana", CLOCK));
        assertTrue(e.getMessage().contains("outside the data set"), e.getMessage());
        Path out = tmp.resolve("locked");
        try (MaskValidation v = MaskValidation.open(demo, out, "ana", CLOCK)) {
            DefectLensException locked = assertThrows(DefectLensException.class,
                    () -> MaskValidation.open(demo, out, "ana", CLOCK));
            assertTrue(locked.getMessage().contains("another DefectLens"), locked.getMessage());
            assertTrue(Files.isRegularFile(v.journalFile()));
        }
        assertEquals(demo.root().toAbsolutePath().normalize().resolveSibling("sem-demo-masks"),
                MaskValidation.defaultFolder(demo));
        assertThrows(DefectLensException.class, () -> MaskValidation.open(demo, tmp.resolve("x"), "a b", CLOCK));
    }

    @Test
    void theBasicSourcesAreTheExistingMaskTheGeneratorsThenAnEmptyOne() {
        SemSample s = DatasetOpener.open(DEMO).samples().get(0);
        ImageRaster img = SemImageReader.read(s.image());
        java.util.List<CandidateSource> sources = CandidateSource.basic();
        assertEquals(java.util.List.of("existing mask", "lines", "grabcut", "empty"),
                sources.stream().map(CandidateSource::name).toList());
        assertEquals(BinaryMask.read(s.mask()).area(), sources.get(0).propose(s, img).area());
        assertEquals(img.width(), sources.get(1).propose(s, img).width());
        assertTrue(sources.get(3).propose(s, img).isEmpty());
        SemSample unmasked = new SemSample(s.id(), s.image(), null, s.label());
        assertTrue(sources.get(0).propose(unmasked, img).isEmpty(), "no mask listed: an empty candidate");
    }

    @Test
    void aClassOutsideCarinthiaIsRefusedNamingTheImage() {
        SemDataset demo = DatasetOpener.open(DEMO);
        SemSample s = demo.samples().get(0);
        SemSample odd = new SemSample(s.id(), s.image(), s.mask(), "scratch");
        try (MaskValidation v = MaskValidation.open(demo, tmp.resolve("odd"), "ana", CLOCK)) {
            DefectLensException e = assertThrows(DefectLensException.class,
                    () -> v.accept(odd, new BinaryMask(1, 1, new boolean[1]), "empty", false));
            assertTrue(e.getMessage().contains("scratch") && e.getMessage().contains(s.fileName()), e.getMessage());
        }
    }
}
