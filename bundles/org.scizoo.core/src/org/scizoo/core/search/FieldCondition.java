package org.scizoo.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.scizoo.core.search.ParamCondition.Op;

/**
 * A condition on one of the dataset's own fields ({@link DatasetField}): {@code size > 1000000},
 * {@code type = raw}, {@code creationTime between two times}. {@code values}: {@link Double}s for a number
 * field, {@link Instant}s for a time, {@link String}s for a text, {@link Boolean}s for a boolean; one, two for
 * {@link Op#BETWEEN}, or the candidates of {@link Op#INQ}. Texts and booleans take =, != and in only.
 */
public record FieldCondition(DatasetField field, Op op, List<Object> values) implements Criterion {

    public FieldCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        int wanted = op == Op.BETWEEN ? 2 : op == Op.INQ ? -1 : 1;
        if (wanted > 0 && values.size() != wanted || values.isEmpty()) {
            throw new IllegalArgumentException(field.json() + ": " + op.name().toLowerCase() + " takes "
                    + (wanted == 2 ? "two values" : wanted == 1 ? "one value" : "at least one value") + ", not "
                    + values.size());
        }
        if (!field.kind().ordered() && op != Op.EQ && op != Op.NEQ && op != Op.INQ) {
            throw new IllegalArgumentException(field.json() + " is compared by eq, neq or inq only, not "
                    + op.name().toLowerCase());
        }
        Class<?> type = switch (field.kind()) {
            case NUMBER -> Double.class;
            case TIME -> Instant.class;
            case TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
        };
        for (Object v : values) {
            if (!type.isInstance(v)) {
                throw new IllegalArgumentException(field.json() + " takes " + type.getSimpleName().toLowerCase()
                        + " values, not '" + v + "'");
            }
        }
    }

    @Override
    public String toString() {
        String v = op == Op.BETWEEN ? values.get(0) + ".." + values.get(1)
                : op == Op.INQ ? values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                : String.valueOf(values.get(0));
        return field.json() + (op == Op.BETWEEN ? " " : " " + op.symbol() + " ") + v;
    }
}
