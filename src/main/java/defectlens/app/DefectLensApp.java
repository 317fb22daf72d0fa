package defectlens.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workbench window. */
public final class DefectLensApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("DefectLens");
        stage.setScene(new Scene(new Label("DefectLens"), 1280, 800));
        stage.show();
    }
}
