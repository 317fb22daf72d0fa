package defectlens.study;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which one rater sees the items of a study: every (image, method) pair, shuffled with a
 * seed taken from SHA-256 of {@code studyId + "\n" + raterId}. The same rater gets the same order on
 * every machine and every run ({@link java.util.Random} is specified bit for bit), different raters
 * get different orders.
 */
public final class RaterOrder {
    private RaterOrder() {
    }

    public static long seed(String studyId, String raterId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((studyId + "\n" + raterId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** All (image, method) items of the plan in this rater's order. */
    public static List<StudyItem> of(StudyPlan plan, String raterId) {
        List<StudyItem> items = new ArrayList<>();
        for (StudyImage img : plan.images()) {
            for (String m : plan.methods()) {
                items.add(new StudyItem(img.id(), m));
            }
        }
        Collections.shuffle(items, new Random(seed(plan.studyId(), raterId)));
        return List.copyOf(items);
    }
}
