package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every description written on a command, option or parameter (of the commands and their mixins) is a valid
 * format string: picocli formats them with {@code String.format}, and a lone {@code %} (as in
 * {@code "50 % maps"}) makes it print a warning on every {@code --help} and show the raw text. A percent sign in
 * a description is written {@code %%}.
 */
class HelpTextFormatTest {
    @Test
    void everyHelpTextIsAValidFormatString() {
        CommandLine root = new CommandLine(new DefectLensCommand(), new CommandFactory(ModelOpener.BUNDLES));
        List<String> broken = new ArrayList<>();
        check(root, broken);
        assertTrue(broken.isEmpty(), "help texts picocli cannot format (write % as %%): " + broken);
    }

    private static void check(CommandLine cl, List<String> broken) {
        CommandSpec spec = cl.getCommandSpec();
        List<Object> owners = new ArrayList<>(List.of(spec.userObject()));
        spec.mixins().values().forEach(m -> owners.add(m.userObject()));
        for (Object owner : owners) {
            for (String text : writtenDescriptions(owner.getClass())) {
                try {
                    String.format(Locale.ROOT, text.replaceAll("\\$\\{[^}]*}", "v"));
                } catch (IllegalFormatException e) {
                    broken.add(spec.qualifiedName() + ": '" + text + "'");
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> check(sub, broken));
    }

    /** The description lines as written in the annotations of a class and its superclasses. */
    private static List<String> writtenDescriptions(Class<?> type) {
        List<String> texts = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null) {
                texts.addAll(List.of(command.description()));
            }
            for (Field f : c.getDeclaredFields()) {
                Option option = f.getAnnotation(Option.class);
                if (option != null) {
                    texts.addAll(List.of(option.description()));
                }
                Parameters parameters = f.getAnnotation(Parameters.class);
                if (parameters != null) {
                    texts.addAll(List.of(parameters.description()));
                }
            }
        }
        return texts;
    }
}
