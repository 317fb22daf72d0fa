package defectlens.study;

/** A count with its noun in the right number: "1 rater", "2 raters", "0 ratings". */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
