package defectlens.app.study;

import java.util.List;

/**
 * The colour-blind-safe palette of Okabe and Ito (2008), as the study charts use it: methods in blue, orange,
 * bluish green, reddish purple, sky blue, vermillion, yellow; Likert answers from vermillion (strongly disagree)
 * through grey (neutral) to blue (strongly agree).
 */
public final class OkabeIto {
    /** Series colours for methods, most distinct pair first. */
    public static final List<String> METHODS =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

    private OkabeIto() {
    }

    /** The colour of a method's series by its position. */
    public static String method(int index) {
        return METHODS.get(index % METHODS.size());
    }

    /**
     * The colour of answer {@code index} of a scale of {@code points} values: the disagreeing half vermillion and
     * orange, a middle value grey, the agreeing half sky blue and blue (deepest at the ends).
     */
    public static String likert(int index, int points) {
        int half = points / 2;
        if (points % 2 != 0 && index == half) {
            return "#BBBBBB";
        }
        boolean agree = index >= (points + 1) / 2;
        int fromEnd = agree ? points - 1 - index : index;
        if (agree) {
            return fromEnd == 0 ? "#0072B2" : "#56B4E9";
        }
        return fromEnd == 0 ? "#D55E00" : "#E69F00";
    }
}
