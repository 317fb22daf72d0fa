package defectlens.app.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import defectlens.core.UserFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recently opened images and data sets, newest first, kept in
 * {@code recent.json} in the user's settings folder ({@link UserFolders#config()}).
 */
public final class RecentItems {
    private static final Logger LOG = LoggerFactory.getLogger(RecentItems.class);
    private static final int MAX = 10;
    private final Path file;
    private final List<String> items = new ArrayList<>();

    public RecentItems(Path file) {
        this.file = file;
        load();
    }

    public static RecentItems inUserHome() {
        return new RecentItems(UserFolders.current().config().resolve("recent.json"));
    }

    public List<Path> list() {
        return items.stream().map(Path::of).toList();
    }

    public void add(Path p) {
        String s = p.toAbsolutePath().normalize().toString();
        items.remove(s);
        items.add(0, s);
        while (items.size() > MAX) {
            items.remove(items.size() - 1);
        }
        save();
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            items.addAll(new ObjectMapper().readValue(file.toFile(), new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            LOG.warn("ignoring unreadable recent-items file {}: {}", file, e.getMessage());
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().writeValue(tmp.toFile(), items);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save recent items to {}: {}", file, e.getMessage());
        }
    }
}
