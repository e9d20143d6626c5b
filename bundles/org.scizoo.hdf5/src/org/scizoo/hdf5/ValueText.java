package org.scizoo.hdf5;

import java.lang.reflect.Array;
import java.util.Map;

/**
 * Values as jhdf returns them (numbers, strings, n-d Java arrays, compound maps, nested lists) turned
 * into short readable text: arrays in brackets, compounds as {name=value, …}, long ones cut with "…".
 */
public final class ValueText {

    /** At most this many elements of an array are written; the rest become "… (N in all)". */
    public static final int MAX_ELEMENTS = 64;

    private ValueText() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, MAX_ELEMENTS);
        return out.toString();
    }

    /** A one-element value (a scalar string attribute, or a 1-element string array) as a string; else null. */
    public static String scalarString(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            return scalarString(Array.get(value, 0));
        }
        return null;
    }

    private static void append(StringBuilder out, Object value, int budget) {
        if (value == null) {
            out.append("(no value)");
        } else if (value instanceof String s) {
            out.append(s);
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Float f) {
            out.append(number(f.floatValue()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ").append(e.getKey()).append('=');
                append(out, e.getValue(), Math.max(4, budget / 4));
                first = false;
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            int i = 0;
            for (Object item : items) {
                if (i == budget) {
                    out.append(", …");
                    break;
                }
                out.append(i++ == 0 ? "" : ", ");
                append(out, item, budget);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            out.append('[');
            for (int i = 0; i < length; i++) {
                if (i == budget) {
                    out.append(", … (").append(length).append(" in all)");
                    break;
                }
                out.append(i == 0 ? "" : ", ");
                append(out, Array.get(value, i), budget);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** A single-precision number as short as it can be: 2.3, not 2.299999952316284. */
    public static String number(float f) {
        return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Float.toString(f);
    }

    /** A number as short as it can be without losing it: 3 not 3.0, 1.0E-9 stays. */
    public static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
