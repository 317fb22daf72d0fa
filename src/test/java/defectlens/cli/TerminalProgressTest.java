package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void oneLineRewrittenInPlaceWithPercentageAndTimeLeft() {
        try (TerminalProgress p = new TerminalProgress(err, "sem classify", () -> false, clock::get)) {
            p.update(0.0, "0/40 images");
            clock.set(SECOND / 2);
            p.update(0.1, "4/40 images");
            clock.set(10 * SECOND);
            p.update(0.25, "10/40 images");
        }
        String out = text.toString();
        assertFalse(out.contains("4/40"), "an update within a second of the last drawing is not drawn: " + out);
        assertTrue(out.contains("\rsem classify: 25.0 %, 0:30 left - 10/40 images"), out);
        assertEquals(1, out.split("\n", -1).length - 1, "one line, ended once: " + out);
        assertTrue(out.endsWith(System.lineSeparator()));
    }

    @Test
    void withoutATerminalWholeLinesAtMostEveryThirtySecondsAndTheLastOne() {
        try (TerminalProgress p = new TerminalProgress(err, "wafer classify", () -> false, clock::get, false)) {
            p.update(0.0, "0 maps");
            clock.set(10 * SECOND);
            p.update(0.1, "10 maps");
            clock.set(31 * SECOND);
            p.update(0.5, "50 maps");
            clock.set(40 * SECOND);
            p.update(1.0, "100 maps");
        }
        String out = text.toString();
        assertFalse(out.contains("\r"), "no carriage return in a log: " + out);
        assertFalse(out.contains("10 maps"), "an update within 30 s of the last line is not printed: " + out);
        assertEquals(3, out.lines().count(), out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("wafer classify: ")), out);
        assertTrue(out.contains("100 maps"), out);
    }

    @Test
    void theEndIsAlwaysDrawnWithTheTimeItTook() {
        try (TerminalProgress p = new TerminalProgress(err, "reading x.pkl", () -> false, clock::get)) {
            p.update(0.5, null);
            clock.set(SECOND / 10);
            p.update(1.0, null);
        }
        assertTrue(text.toString().contains("reading x.pkl: 100.0 %, took 0:00"), text.toString());
    }

    @Test
    void anIndeterminateStepShowsItsMessageOnly() {
        TerminalProgress p = new TerminalProgress(err, "explain evaluate", () -> false, clock::get);
        p.update(Double.NaN, "7 images");
        assertEquals("explain evaluate - 7 images", p.text(0));
    }

    @Test
    void logLinesAndErrorLinesNeverShareTheProgressLine() {
        int code;
        try (TerminalProgress p = new TerminalProgress(err, "sem train", () -> false, clock::get)) {
            p.update(0.2, "epoch 1/5");
            p.println("sem train: epoch 1/5 loss 1.0");
            clock.set(2 * SECOND);
            p.update(0.4, "epoch 2/5");
            throw new defectlens.core.DefectLensException(Path.of("x.png"), "unreadable");
        } catch (defectlens.core.DefectLensException e) {
            err.println("error: " + e.getMessage());
            code = 2;
        }
        assertEquals(2, code);
        String[] lines = text.toString().split(System.lineSeparator());
        assertTrue(lines[1].equals("sem train: epoch 1/5 loss 1.0"), text.toString());
        assertTrue(lines[lines.length - 1].startsWith("error: "), text.toString());
        assertTrue(lines[lines.length - 2].contains("40.0 %"), text.toString());
    }

    @Test
    void cancelledWhenTheFlagSaysSo() {
        boolean[] flag = {false};
        TerminalProgress p = new TerminalProgress(err, "wafer classify", () -> flag[0]);
        assertFalse(p.isCancelled());
        flag[0] = true;
        assertTrue(p.isCancelled());
    }
}
