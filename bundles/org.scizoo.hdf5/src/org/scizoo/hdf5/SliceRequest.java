package org.scizoo.hdf5;

import java.util.Arrays;

/**
 * Which part of an n-d dataset to read: one axis shown as rows (and optionally one as columns), a window
 * along each, and an index for every other axis. Only that part is read from the file.
 *
 * @param rowAxis the axis shown as rows, -1 for a scalar
 * @param colAxis the axis shown as columns, -1 for a single column (1-D view)
 * @param index for every axis, the index used when it is neither rows nor columns
 */
public record SliceRequest(int rowAxis, int colAxis, long[] index, long rowStart, int rows, long colStart,
        int cols) {

    /** The most values read at once: one 4096 × 4096 frame. */
    public static final int MAX_VALUES = 4096 * 4096;

    public SliceRequest {
        index = index.clone();
    }

    /** The whole of a scalar, 1-D or 2-D dataset, and the first frame (the last two axes) of a deeper one. */
    public static SliceRequest firstFrame(long[] shape) {
        int rank = shape.length;
        if (rank == 0) {
            return new SliceRequest(-1, -1, new long[0], 0, 1, 0, 1);
        }
        if (rank == 1) {
            return new SliceRequest(0, -1, new long[1], 0, (int) Math.min(shape[0], MAX_VALUES), 0, 1);
        }
        return frame(shape, rank - 2, rank - 1, new long[rank]);
    }

    /** The rows × columns plane through {@code index} (as much of it as {@link #MAX_VALUES} allows). */
    public static SliceRequest frame(long[] shape, int rowAxis, int colAxis, long[] index) {
        int cols = (int) Math.min(shape[colAxis], MAX_VALUES);
        int rows = (int) Math.min(shape[rowAxis], Math.max(1, MAX_VALUES / Math.max(1, cols)));
        return new SliceRequest(rowAxis, colAxis, index, 0, rows, 0, cols);
    }

    /** One row of values along {@code axis} through {@code index}: a line plot of an n-d dataset. */
    public static SliceRequest line(long[] shape, int axis, long[] index) {
        return new SliceRequest(axis, -1, index, 0, (int) Math.min(shape[axis], MAX_VALUES), 0, 1);
    }

    public long values() {
        return (long) rows * cols;
    }

    /** The same request with the other axes at {@code index}. */
    public SliceRequest at(long[] newIndex) {
        return new SliceRequest(rowAxis, colAxis, newIndex, rowStart, rows, colStart, cols);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceRequest r && r.rowAxis == rowAxis && r.colAxis == colAxis
                && Arrays.equals(r.index, index) && r.rowStart == rowStart && r.rows == rows
                && r.colStart == colStart && r.cols == cols;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(index) * 31 + Long.hashCode(rowStart * 7 + colStart) + rows * 13 + cols;
    }
}
