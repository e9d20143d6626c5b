package org.scizoo.hdf5;

/**
 * Maps values to the 256 levels of a {@link ColorMap}: linearly or logarithmically between min and max,
 * values outside clamped. Values that cannot be shown (NaN; zero or negative on a log scale) get
 * {@link #NO_VALUE}.
 */
public record ImageScale(double min, double max, boolean log) {

    public static final int NO_VALUE = -1;

    /** The range of the finite values (positive ones only on a log scale); 0..1 when there are none. */
    public static ImageScale auto(double[] values, boolean log) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new ImageScale(log ? 1 : 0, log ? 10 : 1, log);
        }
        return new ImageScale(min, max, log);
    }

    /** The level 0..255 of each value, or {@link #NO_VALUE}. */
    public int[] levels(double[] values) {
        int[] levels = new int[values.length];
        boolean useLog = log && min > 0 && max > 0;
        double lo = useLog ? Math.log10(min) : min;
        double hi = useLog ? Math.log10(max) : max;
        double span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || (useLog && v <= 0)) {
                levels[i] = NO_VALUE;
                continue;
            }
            double x = ((useLog ? Math.log10(v) : v) - lo) / span;
            levels[i] = x <= 0 ? 0 : x >= 1 ? 255 : (int) (x * 255.999);
        }
        return levels;
    }
}
