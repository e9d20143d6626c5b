package org.scizoo.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * How many rows this request shows at most at once, for a dataset of {@code shape}: all of them, unless
     * the rows times the columns would be more than {@link #MAX_VALUES} (a 1-D dataset of more than 16.7 M
     * values, say). The rows are then shown a part at a time.
     */
    public int rowWindow(long[] shape) {
        return rowAxis < 0 ? 1 : (int) Math.min(shape[rowAxis], Math.max(1, MAX_VALUES / Math.max(1, cols)));
    }

    /** Into how many parts of {@link #rowWindow} rows the rows of a dataset of {@code shape} fall (1: shown whole). */
    public long rowParts(long[] shape) {
        if (rowAxis < 0) {
            return 1;
        }
        long window = rowWindow(shape);
        return (shape[rowAxis] + window - 1) / window;
    }

    /** Which of the {@link #rowParts} this request shows, from 0. */
    public long rowPart(long[] shape) {
        return rowAxis < 0 ? 0 : rowStart / rowWindow(shape);
    }

    /** The same request showing part {@code part} (from 0) of the rows: the last part may be shorter. */
    public SliceRequest atRowPart(long[] shape, long part) {
        if (part < 0 || part >= rowParts(shape)) {
            throw new IllegalArgumentException("part " + part + " of " + rowParts(shape));
        }
        if (rowAxis < 0) {
            return this;
        }
        long window = rowWindow(shape);
        long start = part * window;
        return new SliceRequest(rowAxis, colAxis, index, start, (int) Math.min(window, shape[rowAxis] - start),
                colStart, cols);
    }

    /**
     * The same view of a dataset whose shape went from {@code before} to {@code now} (a file reloaded while it
     * grows): the same axes as rows and columns, the other axes at the same index and the same part of the
     * rows, each as far as the dataset now reaches. A dataset of another rank starts again at its first frame.
     */
    public SliceRequest reshaped(long[] before, long[] now) {
        if (before.length != now.length || rowAxis < 0) {
            return firstFrame(now);
        }
        long[] at = index.clone();
        for (int d = 0; d < now.length; d++) {
            at[d] = Math.max(0, Math.min(at[d], now[d] - 1));
        }
        SliceRequest same = colAxis < 0 ? line(now, rowAxis, at) : frame(now, rowAxis, colAxis, at);
        return same.atRowPart(now, Math.min(rowPart(before), same.rowParts(now) - 1));
    }

    /**
     * Where the slice lies in a dataset of {@code shape}, as numpy writes it: {@code [7, :, :]} for a frame,
     * {@code [16777216:20000000]} for a part of the rows, {@code [0, 0:16777216]} for columns cut at
     * {@link #MAX_VALUES}; empty for all of a 1-D dataset and for a scalar.
     */
    public String where(long[] shape) {
        List<String> at = new ArrayList<>();
        boolean cut = false;
        for (int d = 0; d < shape.length; d++) {
            long start = d == rowAxis ? rowStart : colStart;
            long count = d == rowAxis ? rows : cols;
            if (d != rowAxis && d != colAxis) {
                at.add(String.valueOf(index[d]));
            } else if (count < shape[d]) {
                at.add(start + ":" + (start + count));
                cut = true;
            } else {
                at.add(":");
            }
        }
        return shape.length < 2 && !cut ? "" : "[" + String.join(", ", at) + "]";
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
