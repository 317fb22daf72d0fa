package defectlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    @Test
    void linuxFollowsXdgAndItsDefaults() {
        UserFolders d = UserFolders.of("Linux", "/home/ann", Map.of(), null);
        assertEquals(Path.of("/home/ann/.local/share/defectlens"), d.data());
        assertEquals(Path.of("/home/ann/.config/defectlens"), d.config());
        assertEquals(Path.of("/home/ann/.cache/defectlens"), d.cache());
        UserFolders x = UserFolders.of("Linux", "/home/ann",
                Map.of("XDG_DATA_HOME", "/d", "XDG_CONFIG_HOME", "/c", "XDG_CACHE_HOME", "relative/ignored"), null);
        assertEquals(Path.of("/d/defectlens"), x.data());
        assertEquals(Path.of("/c/defectlens"), x.config());
        assertEquals(Path.of("/home/ann/.cache/defectlens"), x.cache());
    }

    @Test
    void windowsAndMacUseTheirOwnPlaces() {
        UserFolders w = UserFolders.of("Windows 11", "/Users/ann",
                Map.of("APPDATA", "/Users/ann/AppData/Roaming", "LOCALAPPDATA", "/Users/ann/AppData/Local"), null);
        assertEquals(Path.of("/Users/ann/AppData/Roaming/DefectLens"), w.data());
        assertEquals(w.data(), w.config());
        assertEquals(Path.of("/Users/ann/AppData/Local/DefectLens/Cache"), w.cache());
        UserFolders m = UserFolders.of("Mac OS X", "/Users/ann", Map.of(), null);
        assertEquals(Path.of("/Users/ann/Library/Application Support/DefectLens"), m.data());
        assertEquals(Path.of("/Users/ann/Library/Caches/DefectLens"), m.cache());
    }

    @Test
    void oneHomePropertyHoldsAll() {
        UserFolders h = UserFolders.of("Linux", "/home/ann", Map.of("XDG_DATA_HOME", "/d"), "/tmp/dl");
        assertEquals(Path.of("/tmp/dl/data"), h.data());
        assertEquals(Path.of("/tmp/dl/config"), h.config());
        assertEquals(Path.of("/tmp/dl/cache"), h.cache());
    }

    @Test
    void legacyFolderMovesOnceAndNeverOverwrites(@TempDir Path home) throws Exception {
        Path legacy = home.resolve(".defectlens");
        Files.createDirectories(legacy.resolve("concept-banks/sem-demo/bridge"));
        Files.writeString(legacy.resolve("concept-banks/sem-demo/bridge/bank.json"), "{}");
        Files.writeString(legacy.resolve("recent.json"), "[\"/a\"]");
        Files.writeString(legacy.resolve("notes.txt"), "old");
        UserFolders f = UserFolders.of("Linux", home.toString(), Map.of(), null);
        Files.createDirectories(f.data());
        Files.writeString(f.data().resolve("notes.txt"), "new");

        assertEquals(2, f.moveLegacyFolder(home));
        assertEquals("{}", Files.readString(f.data().resolve("concept-banks/sem-demo/bridge/bank.json")));
        assertEquals("[\"/a\"]", Files.readString(f.config().resolve("recent.json")));
        assertEquals("new", Files.readString(f.data().resolve("notes.txt")), "an existing file is never overwritten");
        assertTrue(Files.exists(legacy.resolve("notes.txt")), "what could not move stays");

        Files.delete(legacy.resolve("notes.txt"));
        assertEquals(0, f.moveLegacyFolder(home));
        assertFalse(Files.exists(legacy), "an emptied old folder is removed");
    }
}
