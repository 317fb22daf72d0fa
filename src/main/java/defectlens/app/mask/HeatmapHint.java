package defectlens.app.mask;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.MainViewModel;
import defectlens.dataset.SemSample;
import defectlens.explain.Heatmap;
import javafx.beans.value.ObservableValue;

/**
 * The selected explanation as a hint for the candidate generators ({@code heatmap} thresholds it, {@code sam2} prompts
 * at its peak): the last heatmap shown, but only while the image it was shown on is still the window's image (an
 * explanation of another image is no hint).
 */
final class HeatmapHint {
    private final MainViewModel main;
    private Heatmap heatmap;
    private SemSample of;

    HeatmapHint(MainViewModel main, ObservableValue<Heatmap> selected) {
        this.main = main;
        take(selected.getValue());
        selected.addListener((o, a, h) -> take(h));
    }

    private void take(Heatmap h) {
        heatmap = h;
        LoadedImage shown = main.imageProperty().get();
        of = h == null || shown == null ? null : shown.sample();
    }

    /** The heatmap of {@code image}, or null when the selected explanation is of another image (or none). */
    Heatmap of(LoadedImage image) {
        return image != null && image.sample().equals(of) ? heatmap : null;
    }
}
