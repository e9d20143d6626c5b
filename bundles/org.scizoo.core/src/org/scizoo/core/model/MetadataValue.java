package org.scizoo.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a dataset's {@code scientificMetadata}: SciCat's {@code {"value": v, "unit": "u"}}.
 * <p>
 * The value is normalised on construction so that equality survives a trip through JSON or BSON:
 * integral numbers become {@link Long}, other numbers {@link Double}; strings, booleans and lists of
 * those are kept. {@code unit} is {@code null} for values without a unit (a sample description).
 */
public record MetadataValue(Object value, String unit) {

    public MetadataValue {
        value = normalise(value);
        if (unit != null && unit.isBlank()) {
            unit = null;
        }
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
        return o instanceof MetadataValue m && Objects.equals(value, m.value) && Objects.equals(unit, m.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unit);
    }
}
