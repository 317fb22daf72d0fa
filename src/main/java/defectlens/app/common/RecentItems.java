package defectlens.app.common;

import com.fasterxml.jackson.core.type.TypeReference;
import defectlens.core.UserFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened images and data sets, newest first, kept in
 * {@code recent.json} in the user's settings folder ({@link UserFolders#config()}).
 */
public final class RecentItems {
    private static final int MAX = 10;
    private final Path file;
    private final List<String> items = new ArrayList<>();

    public RecentItems(Path file) {
        this.file = file;
        SettingsFiles.read(file, new TypeReference<List<String>>() { }).ifPresent(items::addAll);
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

    private void save() {
        SettingsFiles.write(file, items);
    }
}
