package defectlens.app.sem;

import defectlens.app.common.FxImages;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
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
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Thumbnails made lazily in the background when a browser row becomes visible, kept in a bounded
 * LRU cache, so a data set of 10,000 images opens at once and scrolls smoothly. Each thumbnail is a
 * {@link BackgroundTask} on the thumbnail lane; an image that cannot be read gets none and is not tried
 * again. FX thread only.
 */
public final class ThumbnailCache {
    public static final int SIZE = 56;
    private static final int CAPACITY = 2000;
    private final TaskExecutor executor;
    private final Map<Path, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Path, List<Consumer<Image>>> pending = new HashMap<>();
    private final Set<Path> failed = new HashSet<>();

    public ThumbnailCache(TaskExecutor executor) {
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
        executor.execute(BackgroundTask.of("Thumbnail of " + p.getFileName(),
                ctx -> FxImages.toFx(Thumbnails.of(p, SIZE))).onLane(TaskLane.THUMBNAILS)
                .onSuccess(made -> done(p, made))
                .onFailure(e -> done(p, null)));
        return null;
    }

    private void done(Path p, Image made) {
        List<Consumer<Image>> callbacks = pending.remove(p);
        if (made == null) {
            failed.add(p);
        } else {
            cache.put(p, made);
        }
        if (callbacks != null) {
            callbacks.forEach(c -> c.accept(made));
        }
    }
}
