package org.scizoo.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a dataset's {@code scientificMetadata}: SciCat's {@code {"value": v, "unit": "u"}}, plus,
 * for values harvested from a control system, the SciDog group they were configured in and the Tango
 * quality and time of the reading (stored in the same object; SciCat keeps extra fields).
 * <p>
 * The value is normalised on construction so that equality survives a trip through JSON or BSON:
 * integral numbers become {@link Long}, other numbers {@link Double}; strings, booleans and lists of
 * those are kept. {@code unit} is {@code null} for values without a unit (a sample description);
 * {@code group}, {@code quality} and {@code time} are null when not known.
 */
public record MetadataValue(Object value, String unit, String group, String quality, java.time.Instant time) {

    public MetadataValue {
        value = normalise(value);
        unit = blankToNull(unit);
        group = blankToNull(group);
        quality = blankToNull(quality);
        time = time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public MetadataValue(Object value, String unit) {
        this(value, unit, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static MetadataValue of(Object value) {
        return new MetadataValue(value, null);
    }

    public static MetadataValue of(Object value, String unit) {
        return new MetadataValue(value, unit);
    }

    /** The value as a number, or {@code null} when it is not numeric. */
    public Double asDouble() {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** The value as a user reads it: {@code 21.5 degC}, {@code buffer A}. */
    public String display() {
        String v = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.valueOf(d) : String.valueOf(value);
        return unit == null ? v : v + " " + unit;
    }

    static Object normalise(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(MetadataValue::normalise).toList();
        }
        if (v instanceof Object[] array) {
            return normalise(List.of(array));
        }
        throw new IllegalArgumentException("Unsupported metadata value type " + v.getClass().getName()
                + " (allowed: string, number, boolean, list)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataValue m && Objects.equals(value, m.value) && Objects.equals(unit, m.unit)
                && Objects.equals(group, m.group) && Objects.equals(quality, m.quality)
                && Objects.equals(time, m.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unit, group, quality, time);
    }
}
