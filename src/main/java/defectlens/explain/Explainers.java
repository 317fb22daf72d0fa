package defectlens.explain;

import defectlens.DefectLensException;
import java.util.List;
import java.util.Locale;

/** The CAM methods by name, as the CLI and the window list them. */
public final class Explainers {
    /** Names accepted by {@link #camByName}; a {@code +tta} suffix adds flip/rotation smoothing. */
    public static final List<String> CAM_NAMES =
            List.of("gradcam", "gradcam++", "hirescam", "xgradcam", "layercam", "eigencam", "scorecam");

    private Explainers() {
    }

    /** A CAM explainer by name, e.g. {@code gradcam} or {@code layercam+tta}. */
    public static Explainer camByName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith("+tta")) {
            return AugmentedExplainer.allFlipsAndRotations(camByName(n.substring(0, n.length() - 4)));
        }
        return switch (n) {
            case "gradcam" -> new GradCam();
            case "gradcam++", "gradcampp", "gradcamplusplus" -> new GradCamPlusPlus();
            case "hirescam" -> new HiResCam();
            case "xgradcam" -> new XGradCam();
            case "layercam" -> new LayerCam();
            case "eigencam" -> new EigenCam();
            case "scorecam" -> new ScoreCam();
            default -> throw new DefectLensException("unknown explanation method '" + name + "'; known: "
                    + String.join(", ", CAM_NAMES) + ", craft (and NAME+tta)");
        };
    }
}
