package defectlens.app.sem;

import defectlens.app.common.FxImages;
import defectlens.dataset.SemSample;
import defectlens.image.Thumbnails;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Thumbnails made lazily in the background when a browser row becomes visible, kept in a bounded
 * LRU cache, so a data set of 10,000 images opens at once and scrolls smoothly. FX thread only.
 */
public final class ThumbnailCache {
    public static final int SIZE = 56;
    private static final int CAPACITY = 2000;
    private final ExecutorService executor;
    private final Map<Path, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Path, List<Consumer<Image>>> pending = new HashMap<>();
    private final Set<Path> failed = new HashSet<>();

    public ThumbnailCache(ExecutorService executor) {
        this.executor = executor;
    }

    /** The cached thumbnail, or null; when null, one is made and {@code whenReady} gets it on the FX thread. */
    public Image get(SemSample sample, Consumer<Image> whenReady) {
        Path p = sample.image();
        Image img = cache.get(p);
        if (img != null || failed.contains(p)) {
            return img;
        }
        List<Consumer<Image>> waiting = pending.get(p);
        if (waiting != null) {
            waiting.add(whenReady);
            return null;
        }
        pending.put(p, new ArrayList<>(List.of(whenReady)));
        executor.submit(() -> {
            Image made = null;
            try {
                made = FxImages.toFx(Thumbnails.of(p, SIZE));
            } catch (RuntimeException e) {
                made = null;
            }
            Image result = made;
            Platform.runLater(() -> {
                List<Consumer<Image>> callbacks = pending.remove(p);
                if (result == null) {
                    failed.add(p);
                } else {
                    cache.put(p, result);
                }
                if (callbacks != null) {
                    callbacks.forEach(c -> c.accept(result));
                }
            });
        });
        return null;
    }
}
