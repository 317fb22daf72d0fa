package defectlens.review.novelty;

import defectlens.image.ArgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a {@link NoveltyDrift} as one picture (the PNG of {@code review drift} and the window's drift view): on
 * the left the histogram of the data set's novelty scores (blue) over the held-out scores of the model's own
 * classes (grey) with the threshold as a red line, on the right the predicted-class shares against the training
 * shares as paired bars. Plain Java 2D, no window needed.
 */
public final class DriftChart {
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 420;
    private static final Color DATA = new Color(0x1e88e5);
    private static final Color REFERENCE = new Color(0x9e9e9e);

    private DriftChart() {
    }

    /** The chart as pixels, with {@code title} on top (e.g. the data file's name). */
    public static ArgbImage draw(NoveltyDrift d, String title) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 16, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        histogram(g, d, 50, 60, 560, 300);
        classes(g, d, 690, 60, 380, 300);
        g.dispose();
        int[] px = img.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
        return new ArgbImage(WIDTH, HEIGHT, px);
    }

    private static void histogram(Graphics2D g, NoveltyDrift d, int x, int y, int w, int h) {
        double top = 0;
        for (int b = 0; b < d.dataShares().length; b++) {
            top = Math.max(top, Math.max(d.dataShares()[b], d.referenceShares()[b]));
        }
        top = top <= 0 ? 1 : top * 1.1;
        int bins = d.dataShares().length;
        double bw = w / (double) bins;
        for (int b = 0; b < bins; b++) {
            int rh = (int) Math.round(h * d.referenceShares()[b] / top);
            g.setColor(REFERENCE);
            g.fillRect((int) (x + b * bw), y + h - rh, (int) Math.ceil(bw), rh);
        }
        g.setColor(new Color(DATA.getRed(), DATA.getGreen(), DATA.getBlue(), 150));
        for (int b = 0; b < bins; b++) {
            int dh = (int) Math.round(h * d.dataShares()[b] / top);
            g.fillRect((int) (x + b * bw + 1), y + h - dh, (int) Math.max(1, bw - 2), dh);
        }
        double lo = d.edges()[0];
        double hi = d.edges()[bins];
        int tx = (int) (x + w * (d.threshold() - lo) / (hi - lo));
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2));
        if (tx >= x && tx <= x + w) {
            g.drawLine(tx, y, tx, y + h);
            int tw = g.getFontMetrics().stringWidth("threshold");
            g.drawString("threshold", tx + 4 + tw > x + w ? tx - tw - 4 : tx + 4, y + h - 6);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(x, y + h, x + w, y + h);
        g.drawLine(x, y, x, y + h);
        g.drawString(String.format(Locale.ROOT, "%.1f", lo), x, y + h + 16);
        String hiText = String.format(Locale.ROOT, "%.1f", hi);
        g.drawString(hiText, x + w - g.getFontMetrics().stringWidth(hiText), y + h + 16);
        g.drawString("novelty (" + d.score().cliName() + ", higher = less like the training data)", x + w / 2 - 150,
                y + h + 16);
        g.drawString(String.format(Locale.ROOT, "share of items (max %.0f %%)", 100 * top), x - 40, y - 8);
        legend(g, x + 10, y + 4, DATA, String.format(Locale.ROOT, "this data: %d items, %.1f %% above",
                d.dataItems(), 100 * d.dataAbove()));
        legend(g, x + 10, y + 22, REFERENCE, String.format(Locale.ROOT, "held-out known: %d, %.1f %% above",
                d.referenceItems(), 100 * d.referenceAbove()));
    }

    private static void classes(Graphics2D g, NoveltyDrift d, int x, int y, int w, int h) {
        int n = d.classes().size();
        double top = 0;
        for (int c = 0; c < n; c++) {
            top = Math.max(top, Math.max(d.predictedShares()[c], Double.isNaN(d.trainingShares()[c]) ? 0
                    : d.trainingShares()[c]));
        }
        top = top <= 0 ? 1 : top * 1.1;
        double slot = w / (double) Math.max(1, n);
        for (int c = 0; c < n; c++) {
            int bx = (int) (x + c * slot);
            int bw = (int) (slot / 2 - 2);
            double t = Double.isNaN(d.trainingShares()[c]) ? 0 : d.trainingShares()[c];
            int th = (int) Math.round(h * t / top);
            int ph = (int) Math.round(h * d.predictedShares()[c] / top);
            g.setColor(REFERENCE);
            g.fillRect(bx + 2, y + h - th, bw, th);
            g.setColor(DATA);
            g.fillRect(bx + 2 + bw, y + h - ph, bw, ph);
            g.setColor(Color.BLACK);
            String name = d.classes().get(c);
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 5, bx + slot / 2, y + h + 14);
            r.drawString(name, (int) (bx + slot / 2 - g.getFontMetrics().stringWidth(name) + 10), y + h + 14);
            r.dispose();
        }
        g.drawLine(x, y + h, x + w, y + h);
        g.drawString("predicted class (blue) vs training (grey)", x, y - 8);
    }

    private static void legend(Graphics2D g, int x, int y, Color c, String text) {
        g.setColor(c);
        g.fillRect(x, y, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 18, y + 11);
    }
}
