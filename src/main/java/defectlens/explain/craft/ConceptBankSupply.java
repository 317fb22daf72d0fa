package defectlens.explain.craft;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The concept banks a batch of CRAFT explanations needs, by class index: a bank saved under the bank root
 * ({@code root/<model>/<class>}, the layout {@code explain evaluate --banks} writes) is loaded; a missing one is
 * fitted on the images {@code imagesOf} gives for its class and saved there when fitting is allowed, and is
 * otherwise refused with a message that says how to get it. Banks are kept once loaded or fitted.
 */
public final class ConceptBankSupply {
    private final SplitClassifier model;
    private final String modelName;
    private final Path root;
    private final boolean fit;
    private final Function<Integer, CraftOptions> options;
    private final Map<Integer, ConceptBank> banks = new ConcurrentHashMap<>();

    /**
     * Banks of {@code model} (called {@code modelName} in bank folders) under {@code root}; {@code fit} allows
     * fitting missing ones with the options {@code options} gives for a patch size.
     */
    public ConceptBankSupply(SplitClassifier model, String modelName, Path root, boolean fit,
            Function<Integer, CraftOptions> options) {
        this.model = model;
        this.modelName = modelName;
        this.root = root;
        this.fit = fit;
        this.options = options;
    }

    /** Where the bank of a class lives. */
    public Path folderOf(int classIndex) {
        return ConceptBank.folderFor(root, modelName, model.classes().get(classIndex));
    }

    /** True when the class's bank is loaded or saved under the root. */
    public boolean has(int classIndex) {
        return banks.containsKey(classIndex) || Files.isRegularFile(folderOf(classIndex).resolve(ConceptBank.JSON));
    }

    /** The class's bank, loaded or already fitted; null when there is none yet (for {@link CraftExplainer}). */
    public ConceptBank get(int classIndex) {
        ConceptBank b = banks.get(classIndex);
        if (b == null && has(classIndex)) {
            b = ConceptBank.load(folderOf(classIndex));
            banks.put(classIndex, b);
        }
        return b;
    }

    /**
     * The class's bank: loaded, or fitted on {@code images} (resized crops of them) and saved under the root.
     * Returns whether it had to be fitted.
     */
    public boolean ensure(int classIndex, List<ImageRaster> images, Progress progress) {
        if (get(classIndex) != null) {
            return false;
        }
        String className = model.classes().get(classIndex);
        if (!fit) {
            throw new DefectLensException(folderOf(classIndex), "no CRAFT concept bank for class " + className
                    + ": let it be fitted (study explanations --fit-banks) or fit it in the concept gallery");
        }
        if (images.isEmpty()) {
            throw new DefectLensException(root, "no image of class " + className + " to fit CRAFT concepts on");
        }
        ImageRaster first = images.get(0);
        int patch = CraftOptions.defaultPatch(model, first.width(), first.height());
        ConceptBank bank = new ConceptBankFitter(options.apply(patch)).fit(model, modelName, classIndex, images,
                progress);
        bank.save(folderOf(classIndex));
        banks.put(classIndex, bank);
        return true;
    }

    /** A CRAFT explainer that takes its banks from here. */
    public CraftExplainer explainer() {
        return new CraftExplainer(this::get);
    }
}
