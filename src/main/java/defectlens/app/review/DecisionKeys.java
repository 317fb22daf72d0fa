package defectlens.app.review;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;

/**
 * The keys of the review desk: {@code A} accept, {@code 1}..{@code 9} relabel to the class shown next to its
 * number, {@code U} unsure, {@code N} note, {@code Z} undo, {@code PgDn}/{@code PgUp} next/previous (arrow keys
 * down/up too). The legend lists every key with what it does, so the desk can show them all on screen.
 */
public final class DecisionKeys {
    /** One key of the legend and what it does. */
    public record Key(String key, String what) {
    }

    private DecisionKeys() {
    }

    /**
     * Does what {@code code} stands for on {@code vm}; {@code askNote} opens the note dialog (the view's). Returns
     * false for a key that is not one of the desk's (the event then goes on to the viewer).
     */
    public static boolean handle(KeyCode code, ReviewViewModel vm, Runnable askNote) {
        int digit = digit(code);
        if (digit > 0) {
            if (digit > vm.classes().size()) {
                return false;
            }
            vm.decisions().relabel(digit);
            return true;
        }
        switch (code) {
            case A -> vm.decisions().accept();
            case U -> vm.decisions().unsure();
            case N -> askNote.run();
            case Z -> vm.decisions().undo();
            case PAGE_DOWN, DOWN -> vm.queue().next();
            case PAGE_UP, UP -> vm.queue().previous();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 1..9 for the digit keys (main row or keypad), else 0. */
    static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    /** Every key with what it does; the digits name the review's classes (at most 9). */
    public static List<Key> legend(List<String> classes) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key("A", "accept the prediction"));
        for (int c = 0; c < Math.min(9, classes.size()); c++) {
            keys.add(new Key(String.valueOf(c + 1), "relabel: " + classes.get(c)));
        }
        keys.add(new Key("U", "unsure (ask someone)"));
        keys.add(new Key("N", "note"));
        keys.add(new Key("Z", "undo the last decision"));
        keys.add(new Key("PgDn / PgUp", "next / previous"));
        return keys;
    }
}
