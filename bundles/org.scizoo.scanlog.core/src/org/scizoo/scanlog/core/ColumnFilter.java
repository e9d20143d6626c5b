package org.scizoo.scanlog.core;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filter typed in a column's filter cell. On number and time columns it may be a range:
 * {@code 20..30}, {@code >= 5}, {@code < 300 K}, {@code 2026-11-20..2026-11-21}; bounds with a unit
 * are converted to the column's unit, so {@code > 25 degC} finds 300 K. Anything else is a
 * case-insensitive search of the column's text; {@code !text} finds the rows that have a value without
 * it ({@code !finished} on the outcome column: the incomplete scans).
 */
public final class ColumnFilter {

    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final String UNIT = "([^\\s\\d.<>=+-][^\\s]*)?";
    private static final Pattern COMPARISON = Pattern
            .compile("\\s*(>=|<=|>|<|=)?\\s*(" + NUMBER + ")\\s*" + UNIT + "\\s*");
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(" + NUMBER + ")\\s*" + UNIT + "\\s*\\.\\.\\s*(" + NUMBER + ")\\s*" + UNIT + "\\s*");
    private static final Pattern TIME_COMPARISON = Pattern
            .compile("\\s*(>=|<=|>|<|=)?\\s*(\\d{4}-\\d\\d-\\d\\d[^.]*?)\\s*");
    private static final Pattern TIME_RANGE = Pattern
            .compile("\\s*(\\d{4}-\\d\\d-\\d\\d[^.]*?)\\s*\\.\\.\\s*(\\d{4}-\\d\\d-\\d\\d.*?)\\s*");

    private final String columnId;
    private final String expression;
    private final double low;
    private final double high;
    private final boolean lowOpen;
    private final boolean highOpen;
    private final TextMatch text;
    /** For text: the rows with a value that does not match. */
    private final boolean negated;

    private ColumnFilter(String columnId, String expression, double low, boolean lowOpen, double high,
            boolean highOpen, TextMatch text) {
        this(columnId, expression, low, lowOpen, high, highOpen, text, false);
    }

    private ColumnFilter(String columnId, String expression, double low, boolean lowOpen, double high,
            boolean highOpen, TextMatch text, boolean negated) {
        this.negated = negated;
        this.columnId = columnId;
        this.expression = expression;
        this.low = low;
        this.lowOpen = lowOpen;
        this.high = high;
        this.highOpen = highOpen;
        this.text = text;
    }

    public String columnId() {
        return columnId;
    }

    public String expression() {
        return expression;
    }

    /** Whether this is a range (otherwise a text search). */
    public boolean isRange() {
        return text == null;
    }

    /**
     * @throws IllegalArgumentException with a message for the user, when a range's unit does not convert
     *         to the column's, or a date cannot be read
     */
    public static ColumnFilter parse(ScanColumn column, String expression) {
        String e = expression == null ? "" : expression.strip();
        if (column.kind() == ScanColumn.Kind.TIME) {
            ColumnFilter f = parseTime(column.id(), e);
            if (f != null) {
                return f;
            }
        } else if (column.kind() == ScanColumn.Kind.NUMBER) {
            ColumnFilter f = parseNumber(column, e);
            if (f != null) {
                return f;
            }
        }
        boolean not = e.length() > 1 && e.charAt(0) == '!';
        return new ColumnFilter(column.id(), e, 0, false, 0, false, new TextMatch(not ? e.substring(1).strip() : e),
                not);
    }

    private static ColumnFilter parseNumber(ScanColumn column, String e) {
        Matcher range = RANGE.matcher(e);
        if (range.matches()) {
            String unit = range.group(4) != null ? range.group(4) : range.group(2);
            double a = inUnit(column, Double.parseDouble(range.group(1)),
                    range.group(2) != null ? range.group(2) : unit);
            double b = inUnit(column, Double.parseDouble(range.group(3)), unit);
            return new ColumnFilter(column.id(), e, Math.min(a, b), false, Math.max(a, b), false, null);
        }
        Matcher m = COMPARISON.matcher(e);
        if (!m.matches()) {
            return null;
        }
        double v = inUnit(column, Double.parseDouble(m.group(2)), m.group(3));
        return comparison(column.id(), e, m.group(1), v, v);
    }

    private static ColumnFilter comparison(String id, String e, String op, double value, double endOfValue) {
        String o = op == null ? "=" : op;
        return switch (o) {
            case ">" -> new ColumnFilter(id, e, endOfValue, true, Double.POSITIVE_INFINITY, false, null);
            case ">=" -> new ColumnFilter(id, e, value, false, Double.POSITIVE_INFINITY, false, null);
            case "<" -> new ColumnFilter(id, e, Double.NEGATIVE_INFINITY, false, value, true, null);
            case "<=" -> new ColumnFilter(id, e, Double.NEGATIVE_INFINITY, false, endOfValue, false, null);
            default -> value == endOfValue ? new ColumnFilter(id, e, value, false, value, false, null)
                    : new ColumnFilter(id, e, value, false, endOfValue, true, null);
        };
    }

    private static double inUnit(ScanColumn column, double v, String unit) {
        if (unit == null || unit.equals(column.unit())) {
            return v;
        }
        OptionalDouble c = Units.convert(v, unit, column.unit());
        if (c.isEmpty()) {
            throw new IllegalArgumentException("'" + unit + "' does not convert to the unit of " + column.header()
                    + (column.unit() == null ? " (it has none)" : ""));
        }
        return c.getAsDouble();
    }

    private static ColumnFilter parseTime(String id, String e) {
        Matcher range = TIME_RANGE.matcher(e);
        if (range.matches()) {
            double[] a = instant(range.group(1));
            double[] b = instant(range.group(2));
            return new ColumnFilter(id, e, a[0], false, b[1], true, null);
        }
        Matcher m = TIME_COMPARISON.matcher(e);
        if (!m.matches()) {
            return null;
        }
        double[] t = instant(m.group(2));
        return comparison(id, e, m.group(1), t[0], t[1]);
    }

    private static double[] instant(String s) {
        long[] b = Times.bounds(s);
        return new double[] { b[0], b[1] };
    }

    /** Clears {@code pass[r]} for the rows below {@code size} this filter rejects. */
    void apply(ScanColumn column, int size, boolean[] pass) {
        if (text != null) {
            TextValues values = column.textValues();
            boolean[] hit = text.codes(values);
            for (int r = 0; r < size; r++) {
                if (pass[r]) {
                    int code = values.code(r);
                    pass[r] = code >= 0 && hit[code] != negated;
                }
            }
            return;
        }
        for (int r = 0; r < size; r++) {
            if (pass[r]) {
                double v = column.number(r);
                pass[r] = !Double.isNaN(v) && (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high);
            }
        }
    }
}
