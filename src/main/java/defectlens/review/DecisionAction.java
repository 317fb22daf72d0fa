package defectlens.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a reviewer did with an item. {@link #ACCEPT} and {@link #RELABEL} give the item a class after the review
 * (the prediction, or the chosen class); {@link #UNSURE} and {@link #SKIP} decide nothing about its class;
 * {@link #NOTE} adds a note and keeps the decision; {@link #UNDO} withdraws the line its {@code supersedes} names.
 * On a journal line an action is written in lower case ({@code "relabel"}).
 */
public enum DecisionAction {
    ACCEPT, RELABEL, UNSURE, SKIP, NOTE, UNDO;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action of a journal line ({@code "accept"} ...); an unknown name makes the line unreadable. */
    @JsonCreator
    public static DecisionAction of(String name) {
        for (DecisionAction a : values()) {
            if (a.json().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown decision action '" + name + "'");
    }

    /** True for the actions that set the class after the review (accept, relabel). */
    public boolean setsClass() {
        return this == ACCEPT || this == RELABEL;
    }

    /** True for the actions that are a decision on the item (accept, relabel, unsure, skip), not a note or undo. */
    public boolean decides() {
        return this != NOTE && this != UNDO;
    }
}
