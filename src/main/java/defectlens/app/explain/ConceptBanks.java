package defectlens.app.explain;

import defectlens.app.common.LoadedModel;
import defectlens.explain.craft.ConceptBank;
import java.nio.file.Files;
import defectlens.core.UserFolders;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRAFT concept banks the window knows for the open model, by class index: banks fitted in the
 * gallery or loaded from a bank folder, and banks found on disk under the bank root
 * ({@code root/<model folder>/<class>}, the layout {@code explain evaluate --banks} writes). Plain
 * Java, safe to read from background threads.
 */
public final class ConceptBanks {
    private final Map<String, ConceptBank> banks = new ConcurrentHashMap<>();
    private volatile Path root;

    public ConceptBanks(Path root) {
        this.root = root;
    }

    /** The default bank root: {@code concept-banks} in the user's data folder ({@link UserFolders#data()}). */
    public static Path defaultRoot() {
        return UserFolders.current().data().resolve("concept-banks");
    }

    public Path root() {
        return root;
    }

    public void setRoot(Path root) {
        this.root = root;
    }

    /** The bank of a class of the model, from memory or from the bank root; null when there is none. */
    public ConceptBank get(LoadedModel model, int classIndex) {
        String cls = model.classifier().classes().get(classIndex);
        ConceptBank b = banks.get(key(model, cls));
        if (b != null) {
            return b;
        }
        Path folder = folderOf(model, cls);
        if (Files.isRegularFile(folder.resolve("bank.json"))) {
            b = ConceptBank.load(folder);
            banks.put(key(model, cls), b);
        }
        return b;
    }

    /** Keeps a bank for the model (and saves it under the bank root when {@code save}). */
    public void put(LoadedModel model, ConceptBank bank, boolean save) {
        banks.put(key(model, bank.className()), bank);
        if (save) {
            bank.save(folderOf(model, bank.className()));
        }
    }

    /** Where the bank of a class of the model is saved. */
    public Path folderOf(LoadedModel model, String className) {
        return ConceptBank.folderFor(root, modelName(model), className);
    }

    /** The model's name in bank folders: its folder name, as the CLI uses it. */
    public static String modelName(LoadedModel model) {
        return model.dir().toAbsolutePath().normalize().getFileName().toString();
    }

    private static String key(LoadedModel model, String className) {
        return model.dir().toAbsolutePath().normalize() + "|" + className;
    }
}
