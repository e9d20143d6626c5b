package org.scizoo.hdf5;

/**
 * Values read for a {@link SliceRequest}, row-major, {@code rows × cols}. Numbers are in {@link #numbers}
 * (NaN where a value is no number); other values (strings, compounds) also as text in {@link #texts},
 * which is null for numeric data. {@code singlePrecision}: the file's numbers are 32-bit floats, written
 * as such (2.3, not 2.299999952316284).
 */
public record Slice(SliceRequest request, int rows, int cols, double[] numbers, String[] texts,
        boolean singlePrecision) {

    public boolean numeric() {
        return texts == null;
    }

    public double number(int row, int col) {
        return numbers[row * cols + col];
    }

    public String text(int row, int col) {
        double v = numbers[row * cols + col];
        return texts != null ? texts[row * cols + col] : singlePrecision ? ValueText.number((float) v)
                : ValueText.number(v);
    }
}
