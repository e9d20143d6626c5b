package org.scizoo.tango.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import fr.esrf.Tango.AttrDataFormat;
import fr.esrf.Tango.AttrQuality;
import fr.esrf.Tango.DevError;
import fr.esrf.Tango.DevFailed;
import fr.esrf.TangoApi.DeviceAttribute;
import fr.esrf.TangoDs.TangoConst;

/** Turns JTango's typed values, qualities and errors into plain Java values and messages. */
public final class TangoValues {

    private TangoValues() {
    }

    /**
     * The value as a string, Long, Double, Boolean or a list of those (spectrum attributes).
     *
     * @throws IllegalArgumentException for image attributes and types that do not belong in metadata
     */
    public static Object value(DeviceAttribute da) throws DevFailed {
        boolean scalar = da.getDataFormat().value() == AttrDataFormat._SCALAR;
        if (da.getDataFormat().value() == AttrDataFormat._IMAGE) {
            throw new IllegalArgumentException("image attributes are not recorded as metadata");
        }
        return switch (da.getType()) {
            case TangoConst.Tango_DEV_DOUBLE -> scalar ? (Object) da.extractDouble() : boxed(da.extractDoubleArray());
            case TangoConst.Tango_DEV_FLOAT ->
                scalar ? (Object) (double) da.extractFloat() : floats(da.extractFloatArray());
            case TangoConst.Tango_DEV_SHORT ->
                scalar ? (Object) (long) da.extractShort() : shorts(da.extractShortArray());
            case TangoConst.Tango_DEV_USHORT ->
                scalar ? (Object) (long) da.extractUShort() : ints(da.extractUShortArray());
            case TangoConst.Tango_DEV_LONG, TangoConst.Tango_DEV_INT -> scalar ? (Object) (long) da.extractLong()
                    : ints(da.extractLongArray());
            case TangoConst.Tango_DEV_ULONG -> scalar ? (Object) da.extractULong() : longs(da.extractULongArray());
            case TangoConst.Tango_DEV_LONG64 -> scalar ? (Object) da.extractLong64() : longs(da.extractLong64Array());
            case TangoConst.Tango_DEV_ULONG64 ->
                scalar ? (Object) da.extractULong64() : longs(da.extractULong64Array());
            case TangoConst.Tango_DEV_UCHAR ->
                scalar ? (Object) (long) da.extractUChar() : shorts(da.extractUCharArray());
            case TangoConst.Tango_DEV_BOOLEAN ->
                scalar ? (Object) da.extractBoolean() : bools(da.extractBooleanArray());
            case TangoConst.Tango_DEV_STRING -> scalar ? da.extractString() : List.of(da.extractStringArray());
            case TangoConst.Tango_DEV_STATE -> scalar ? da.extractDevState().toString()
                    : Arrays.stream(da.extractDevStateArray()).map(Object::toString).toList();
            case TangoConst.Tango_DEV_ENUM -> (long) da.extractShort();
            default ->
                throw new IllegalArgumentException("Tango type " + da.getType() + " is not recorded as metadata");
        };
    }

    public static String quality(AttrQuality q) {
        return switch (q.value()) {
            case AttrQuality._ATTR_VALID -> "VALID";
            case AttrQuality._ATTR_INVALID -> "INVALID";
            case AttrQuality._ATTR_ALARM -> "ALARM";
            case AttrQuality._ATTR_CHANGING -> "CHANGING";
            case AttrQuality._ATTR_WARNING -> "WARNING";
            default -> "UNKNOWN(" + q.value() + ")";
        };
    }

    public static String describe(DevFailed e) {
        return describe(e.errors);
    }

    /** The most specific description Tango gave (the first error of the stack), on one line. */
    public static String describe(DevError[] errors) {
        if (errors == null || errors.length == 0) {
            return "Tango error without description";
        }
        DevError first = errors[0];
        String desc = first.desc == null ? "" : first.desc.strip().replaceAll("\\s+", " ");
        return (first.reason == null || first.reason.isBlank() ? "" : first.reason + ": ") + desc;
    }

    /** The device or its server is not there (as opposed to a wrong attribute name). */
    public static boolean isConnectionProblem(DevFailed e) {
        for (DevError err : e.errors == null ? new DevError[0] : e.errors) {
            String r = err.reason == null ? "" : err.reason;
            if (r.contains("CONNECTION") || r.contains("CORBA") || r.contains("Timeout") || r.contains("TIMEOUT")
                    || r.contains("DeviceNotExported") || r.contains("CantConnect")) {
                return true;
            }
        }
        return false;
    }

    private static List<Double> boxed(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    private static List<Double> floats(float[] a) {
        return IntStream.range(0, a.length).mapToObj(i -> (double) a[i]).toList();
    }

    private static List<Long> shorts(short[] a) {
        return IntStream.range(0, a.length).mapToObj(i -> (long) a[i]).toList();
    }

    private static List<Long> ints(int[] a) {
        return Arrays.stream(a).mapToObj(i -> (long) i).toList();
    }

    private static List<Long> longs(long[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    private static List<Boolean> bools(boolean[] a) {
        return IntStream.range(0, a.length).mapToObj(i -> a[i]).toList();
    }
}
