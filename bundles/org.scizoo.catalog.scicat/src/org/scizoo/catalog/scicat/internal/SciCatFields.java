package org.scizoo.catalog.scicat.internal;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition.Op;

/**
 * A condition on a dataset's own field as SciCat's {@code fullquery} takes it ({@code searchExpression} in its
 * {@code src/common/utils.ts}): a text or boolean as its value, several texts as a list ({@code $in}); a time
 * as {@code {begin, end}} and a number as {@code {min, max}}, both ends included. So a strict bound is made
 * one millisecond (times) or one (sizes and file counts, whole numbers) inside, an open end the farthest
 * value; what SciCat cannot say ({@code !=} on a text or number, a list of times) is refused with the reason.
 */
final class SciCatFields {

    private static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** Larger than any size in bytes, and exact as a double. */
    private static final double MOST = 1e18;

    private SciCatFields() {
    }

    static Object expression(FieldCondition c) throws InvalidQueryException {
        List<Object> v = c.values();
        switch (c.field().kind()) {
            case BOOLEAN -> {
                if (c.op() == Op.INQ) {
                    return v.size() == 1 ? v.get(0) : refuse(c, "a list of true and false");
                }
                boolean b = (Boolean) v.get(0);
                return c.op() == Op.NEQ ? !b : b;
            }
            case TEXT -> {
                return switch (c.op()) {
                    case EQ -> v.get(0);
                    case INQ -> v;
                    default -> refuse(c, "'" + c.op().symbol() + "' on a text");
                };
            }
            case TIME -> {
                Instant a = (Instant) v.get(0);
                return switch (c.op()) {
                    case EQ -> range(a, a);
                    case GT -> range(a.plusMillis(1), LAST);
                    case GTE -> range(a, LAST);
                    case LT -> range(FIRST, a.minusMillis(1));
                    case LTE -> range(FIRST, a);
                    case BETWEEN -> range(min(a, (Instant) v.get(1)), max(a, (Instant) v.get(1)));
                    case NEQ, INQ -> refuse(c, "'" + c.op().symbol() + "' on a time");
                };
            }
            case NUMBER -> {
                double a = (Double) v.get(0);
                return switch (c.op()) {
                    case EQ -> a;
                    case INQ -> v;
                    case GT -> new Document("min", Math.floor(a) + 1).append("max", MOST);
                    case GTE -> new Document("min", Math.ceil(a)).append("max", MOST);
                    case LT -> new Document("min", -MOST).append("max", Math.ceil(a) - 1);
                    case LTE -> new Document("min", -MOST).append("max", Math.floor(a));
                    case BETWEEN -> new Document("min", Math.min(a, (Double) v.get(1))).append("max",
                            Math.max(a, (Double) v.get(1)));
                    case NEQ -> refuse(c, "'!=' on a number");
                };
            }
        }
        throw new IllegalStateException("every kind is answered above");
    }

    private static Document range(Instant begin, Instant end) {
        return new Document("begin", begin.toString()).append("end", end.toString());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Object refuse(FieldCondition c, String what) throws InvalidQueryException {
        throw new InvalidQueryException(c + ": SciCat's query has no " + what);
    }
}
