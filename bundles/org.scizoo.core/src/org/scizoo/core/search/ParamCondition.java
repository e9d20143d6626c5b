package org.scizoo.core.search;

import java.util.List;
import java.util.Objects;

/**
 * A condition on one scientific-metadata key, as the PaNOSC search API writes it ({@code variable},
 * {@code operator}, {@code value}, {@code unit}): {@code T01 > 300 K}. {@code values} holds one number, two for
 * {@link Op#BETWEEN} (low, high, both in), or the candidates of {@link Op#INQ}; {@code unit} may be empty.
 */
public record ParamCondition(String key, Op op, List<Double> values, String unit) implements Criterion {

    /** PaNOSC's operators. */
    public enum Op {
        EQ("="), NEQ("!="), LT("<"), LTE("<="), GT(">"), GTE(">="), BETWEEN(".."), INQ("in");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public ParamCondition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        unit = unit == null ? "" : unit.strip();
        int wanted = op == Op.BETWEEN ? 2 : op == Op.INQ ? -1 : 1;
        if (wanted > 0 && values.size() != wanted || values.isEmpty()) {
            throw new IllegalArgumentException(op.name().toLowerCase() + " takes "
                    + (wanted == 2 ? "two numbers" : wanted == 1 ? "one number" : "at least one number") + ", not "
                    + values.size());
        }
    }

    @Override
    public String toString() {
        String v = op == Op.BETWEEN ? values.get(0) + ".." + values.get(1)
                : op == Op.INQ ? values.toString() : String.valueOf(values.get(0));
        return key + (op == Op.BETWEEN ? " " : " " + op.symbol() + " ") + v + (unit.isEmpty() ? "" : " " + unit);
    }
}
