package defectlens.explain;

import defectlens.core.DefectLensException;
import defectlens.explain.cam.EigenCam;
import defectlens.explain.cam.GradCam;
import defectlens.explain.cam.GradCamPlusPlus;
import defectlens.explain.cam.HiResCam;
import defectlens.explain.cam.LayerCam;
import defectlens.explain.cam.MultiLayerCam;
import defectlens.explain.cam.ScoreCam;
import defectlens.explain.cam.XGradCam;
import defectlens.explain.craft.ConceptBank;
import defectlens.explain.craft.CraftExplainer;
import java.util.List;
import java.util.Locale;

/** Explanation methods by name, as the CLI and the window list them. */
public final class Explainers {
    /** Names accepted by {@link #camByName}; a {@code +tta} suffix adds flip/rotation smoothing. */
    public static final List<String> CAM_NAMES =
            List.of("gradcam", "gradcam++", "hirescam", "xgradcam", "layercam", "eigencam", "scorecam",
                    MultiLayerCam.NAME);

    private Explainers() {
    }

    /**
     * Any method by name: a CAM method, or {@code craft} with the concept banks saved under
     * {@code banksRoot/<modelName>/<class>} (the layout {@code explain evaluate --banks} writes).
     */
    public static Explainer byName(String name, java.nio.file.Path banksRoot, String modelName, List<String> classes) {
        if (!name.trim().equalsIgnoreCase("craft")) {
            return camByName(name);
        }
        if (banksRoot == null) {
            throw new DefectLensException("craft needs concept banks (--banks DIR; fit them with explain evaluate --banks DIR)");
        }
        return new CraftExplainer(cls -> {
            java.nio.file.Path folder = ConceptBank.folderFor(banksRoot, modelName, classes.get(cls));
            return java.nio.file.Files.isDirectory(folder) ? ConceptBank.load(folder) : null;
        });
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
            case MultiLayerCam.NAME -> new MultiLayerCam();
            default -> throw new DefectLensException("unknown explanation method '" + name + "'; known: "
                    + String.join(", ", CAM_NAMES) + ", craft (and NAME+tta)");
        };
    }
}
