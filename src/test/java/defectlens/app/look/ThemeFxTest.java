package defectlens.app.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.common.Shortcuts;
import defectlens.app.common.UserSettings;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The theme at start, View > Dark mode (Ctrl+Shift+D) and its memory across starts, in a temporary user home. */
@ExtendWith(ApplicationExtension.class)
class ThemeFxTest {
    @TempDir
    static Path home;
    private static String oldHome;

    private FxTaskExecutor tasks;
    private MainWindow window;

    @BeforeAll
    static void useTemporaryHome() {
        oldHome = System.getProperty("defectlens.home");
        System.setProperty("defectlens.home", home.toString());
    }

    @AfterAll
    static void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(Appearance::clear).get();
        if (oldHome == null) {
            System.clearProperty("defectlens.home");
        } else {
            System.setProperty("defectlens.home", oldHome);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(UserSettings.inUserHome().file());
        // as DefectLensApp.start: the theme before the window
        Appearance.apply(Appearance.atStart(null, UserSettings.inUserHome()));
        tasks = new FxTaskExecutor();
        window = new MainWindow(new MainViewModel(tasks, new RecentItems(home.resolve("recent.json"))),
                new WaferViewModel(tasks), new ThumbnailCache(tasks));
        stage.setScene(new Scene(window, 1000, 700));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void startsLightWithTheStyleSheetAndTheToggleSwitchesAndIsRemembered() throws Exception {
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        assertTrue(window.getScene().getStylesheets().contains(Appearance.STYLESHEET));
        CheckMenuItem dark = darkModeItem();
        assertFalse(dark.isSelected());
        assertEquals(KeyCombination.keyCombination(DarkModeItem.ACCELERATOR), dark.getAccelerator());
        assertTrue(Shortcuts.ALL.stream().anyMatch(k -> k[0].equals("Ctrl+Shift+D") && k[1].startsWith("Dark mode")));

        // the accelerator as the menu bar registered it in the scene (a robot's key press can auto-repeat on a
        // loaded machine and toggle twice)
        Runnable ctrlShiftD = window.getScene().getAccelerators().get(
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        WaitForAsyncUtils.asyncFx(ctrlShiftD).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertTrue(dark.isSelected());
        // remembered: a new start reads dark from the settings file of the user home
        assertEquals("dark", UserSettings.inUserHome().get(UserSettings.THEME).orElseThrow());
        assertEquals(Theme.DARK, Appearance.atStart(null, UserSettings.inUserHome()));
        // --theme= wins for one start without being remembered
        assertEquals(Theme.LIGHT, Appearance.atStart("light", UserSettings.inUserHome()));
        assertEquals(Theme.DARK, Appearance.atStart("purple", UserSettings.inUserHome()));

        WaitForAsyncUtils.asyncFx(dark::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertFalse(dark.isSelected());
        assertEquals(Theme.LIGHT, Appearance.atStart(null, UserSettings.inUserHome()));
    }

    @Test
    void aWindowOpenedLaterGetsTheStyleSheetToo() throws Exception {
        Scene later = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.control.Label("later")));
            s.show();
            Scene scene = s.getScene();
            s.hide();
            return scene;
        }).get();
        assertTrue(later.getStylesheets().contains(Appearance.STYLESHEET));
    }

    private CheckMenuItem darkModeItem() {
        MenuBar bar = (MenuBar) window.getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "darkMode".equals(i.getId())).map(CheckMenuItem.class::cast).findFirst().orElseThrow();
    }
}
