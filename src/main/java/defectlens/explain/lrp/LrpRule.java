package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * A rule that redistributes the relevance {@code R} at the outputs of a linear map {@code z = f(x; w) + b}
 * onto its inputs (Montavon et al., "Layer-wise relevance propagation: an overview", 2019). With the
 * "gradient trick" every rule is {@code R_x = x * f^T(R / z')} for a suitably modified {@code z'}:
 *
 * <ul>
 *   <li>{@link Epsilon}: {@code z' = z + eps * sign(z)}, bias included, so a bias absorbs its share.
 *   <li>{@link ZPlus}: only positive contributions {@code x+ w+ + x- w-}, bias ignored (conservative).
 *   <li>{@link AlphaBeta}: {@code alpha} times the positive-contribution share minus {@code beta} times the
 *       negative one; the positive (negative) part of the bias joins the positive (negative) sum.
 *   <li>{@link ZBox}: the z^B rule for an input known to lie in {@code [low, high]} (first layer).
 * </ul>
 * Outputs whose denominator is exactly zero pass no relevance (it is lost, and shows in the conservation
 * figure).
 */
public sealed interface LrpRule {
    /** The relevance of the inputs {@code x} of {@code map} with weight {@code w}, bias {@code b} (nullable). */
    NDArray propagate(LrpLinearMap map, NDArray w, NDArray b, NDArray x, NDArray relevance);

    /** The rule's name as composites spell it. */
    String label();

    /** LRP-epsilon. */
    record Epsilon(double epsilon) implements LrpRule {
        @Override
        public NDArray propagate(LrpLinearMap map, NDArray w, NDArray b, NDArray x, NDArray relevance) {
            NDArray z = map.apply(x, w, b);
            NDArray sign = z.gte(0f).toType(z.getDataType(), false).mul(2f).sub(1f);
            NDArray s = relevance.div(z.add(sign.mul((float) epsilon)));
            return x.mul(map.transpose(s, w, x.getShape()));
        }

        @Override
        public String label() {
            return "epsilon(" + epsilon + ")";
        }
    }

    /** LRP-z+ (generalised to signed inputs: {@code x+ w+ + x- w-}). */
    record ZPlus() implements LrpRule {
        @Override
        public NDArray propagate(LrpLinearMap map, NDArray w, NDArray b, NDArray x, NDArray relevance) {
            NDArray xp = x.maximum(0f);
            NDArray xn = x.minimum(0f);
            NDArray wp = w.maximum(0f);
            NDArray wn = w.minimum(0f);
            NDArray z = map.apply(xp, wp, null).add(map.apply(xn, wn, null));
            NDArray s = safeDivide(relevance, z);
            return xp.mul(map.transpose(s, wp, x.getShape())).add(xn.mul(map.transpose(s, wn, x.getShape())));
        }

        @Override
        public String label() {
            return "zplus";
        }
    }

    /** LRP-alpha-beta with {@code alpha - beta = 1}. */
    record AlphaBeta(double alpha, double beta) implements LrpRule {
        public AlphaBeta {
            if (Math.abs(alpha - beta - 1) > 1e-9 || beta < 0) {
                throw new IllegalArgumentException("alpha-beta needs alpha - beta = 1 and beta >= 0: " + alpha + ", " + beta);
            }
        }

        @Override
        public NDArray propagate(LrpLinearMap map, NDArray w, NDArray b, NDArray x, NDArray relevance) {
            NDArray xp = x.maximum(0f);
            NDArray xn = x.minimum(0f);
            NDArray wp = w.maximum(0f);
            NDArray wn = w.minimum(0f);
            NDArray zp = map.apply(xp, wp, b == null ? null : b.maximum(0f)).add(map.apply(xn, wn, null));
            NDArray sp = safeDivide(relevance, zp);
            NDArray out = xp.mul(map.transpose(sp, wp, x.getShape())).add(xn.mul(map.transpose(sp, wn, x.getShape())))
                    .mul((float) alpha);
            if (beta > 0) {
                NDArray zn = map.apply(xp, wn, b == null ? null : b.minimum(0f)).add(map.apply(xn, wp, null));
                NDArray sn = safeDivide(relevance, zn);
                NDArray neg = xp.mul(map.transpose(sn, wn, x.getShape())).add(xn.mul(map.transpose(sn, wp, x.getShape())));
                out = out.sub(neg.mul((float) beta));
            }
            return out;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "alpha%sbeta%s", trim(alpha), trim(beta));
        }
    }

    /** LRP-z^B for inputs bounded by {@code [low, high]}; the bias cancels out (as zennit's ZBox). */
    record ZBox(double low, double high) implements LrpRule {
        public ZBox {
            if (!(low <= high)) {
                throw new IllegalArgumentException("z-box needs low <= high: " + low + ", " + high);
            }
        }

        @Override
        public NDArray propagate(LrpLinearMap map, NDArray w, NDArray b, NDArray x, NDArray relevance) {
            NDArray wp = w.maximum(0f);
            NDArray wn = w.minimum(0f);
            NDArray l = x.zerosLike().add((float) low);
            NDArray h = x.zerosLike().add((float) high);
            NDArray z = map.apply(x, w, null).sub(map.apply(l, wp, null)).sub(map.apply(h, wn, null));
            NDArray s = safeDivide(relevance, z);
            return x.mul(map.transpose(s, w, x.getShape()))
                    .sub(l.mul(map.transpose(s, wp, x.getShape())))
                    .sub(h.mul(map.transpose(s, wn, x.getShape())));
        }

        @Override
        public String label() {
            return "zbox[" + trim(low) + "," + trim(high) + "]";
        }
    }

    /** {@code r / z}, 0 where {@code z == 0}. */
    private static NDArray safeDivide(NDArray r, NDArray z) {
        NDArray zero = z.eq(0f).toType(z.getDataType(), false);
        return r.div(z.add(zero)).mul(zero.neg().add(1f));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
