package org.scizoo.scanlog.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One column of the Scanlog, stored column-wise for a million rows: numbers in a {@code double[]} (NaN
 * where a row has none), text dictionary-coded. A metadata key can hold both (a temperature that one
 * scan recorded as {@code "n/a"}); numbers are kept in the column's unit, the first unit it saw, and a
 * number in a unit that does not convert to it is kept as text, so it still shows but never lies in a range.
 * <p>
 * Written by one thread; see {@link TextValues} for readers.
 */
public final class ScanColumn {

    /** What the column holds, for sorting, filtering and showing. */
    public enum Kind {
        TEXT, NUMBER, TIME
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** A time SciCat wrote with milliseconds keeps them on screen and in exports. */
    private static final DateTimeFormatter TIME_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private static final MathContext SIGNIFICANT = new MathContext(12);

    private final String id;
    private final String header;
    private final Kind kind;
    private String unit;
    private boolean sawNumber;
    private double[] numbers;
    private final TextValues text;

    ScanColumn(String id, String header, Kind kind, int capacity) {
        this.id = id;
        this.header = header;
        this.kind = kind;
        this.text = new TextValues(kind == Kind.TEXT ? capacity : 16);
        if (kind != Kind.TEXT) {
            numbers = new double[Math.max(capacity, 16)];
            Arrays.fill(numbers, Double.NaN);
        }
    }

    public String id() {
        return id;
    }

    /** The header, with the unit when the column has one: {@code T01 [K]}. */
    public String header() {
        return unit == null ? header : header + " [" + unit + "]";
    }

    public Kind kind() {
        return kind;
    }

    /** The unit numbers are kept in, or {@code null}. */
    public String unit() {
        return unit;
    }

    /** The row's number in {@link #unit()} (epoch milliseconds for TIME), or NaN. */
    public double number(int row) {
        double[] n = numbers;
        return n == null || row >= n.length ? Double.NaN : n[row];
    }

    /** The row as the table shows it: empty when the row has no value. */
    public String text(int row) {
        double v = number(row);
        if (!Double.isNaN(v)) {
            return kind == Kind.TIME ? time((long) v) : formatNumber(v);
        }
        String s = text.get(row);
        return s == null ? "" : s;
    }

    /** 12 significant digits: enough for any instrument, and no {@code 26.850000000000023} from a unit conversion. */
    private static String time(long epochMillis) {
        return (epochMillis % 1000 == 0 ? TIME : TIME_MS).format(Instant.ofEpochMilli(epochMillis));
    }

    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal d = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        return exponent < -6 || exponent > 15 ? d.toString() : d.toPlainString();
    }

    /** Sets the row's value: a number (with its unit), an instant, a string, a list or {@code null}. */
    void set(int row, Object value, String valueUnit) {
        ensureCapacity(row + 1);
        double number = Double.NaN;
        String string = null;
        if (value instanceof Instant t && kind == Kind.TIME) {
            number = t.toEpochMilli();
        } else if (value instanceof Number n && kind == Kind.NUMBER) {
            OptionalDouble converted = inColumnUnit(n.doubleValue(), valueUnit);
            if (converted.isPresent()) {
                number = converted.getAsDouble();
            } else {
                string = formatNumber(n.doubleValue()) + " " + valueUnit;
            }
        } else if (value instanceof Collection<?> list) {
            string = list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        } else if (value != null) {
            string = valueUnit == null || kind == Kind.TEXT ? String.valueOf(value) : value + " " + valueUnit;
        }
        if (numbers != null) {
            numbers[row] = number;
        }
        if (string != null || text.code(row) != TextValues.NONE) {
            text.set(row, string);
        }
    }

    private OptionalDouble inColumnUnit(double v, String valueUnit) {
        String u = valueUnit == null || valueUnit.isBlank() ? null : valueUnit.strip();
        if (!sawNumber) {
            unit = u; // the first number's unit is the column's
            sawNumber = true;
        }
        return Units.convert(v, u, unit);
    }

    void ensureCapacity(int rows) {
        text.ensureCapacity(kind == Kind.TEXT ? rows : 0);
        if (numbers != null && rows > numbers.length) {
            int old = numbers.length;
            double[] grown = Arrays.copyOf(numbers, Math.max(rows, old + (old >> 1)));
            Arrays.fill(grown, old, grown.length, Double.NaN);
            numbers = grown;
        }
    }

    TextValues textValues() {
        return text;
    }
}
