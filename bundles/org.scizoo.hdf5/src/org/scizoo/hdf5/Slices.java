package org.scizoo.hdf5;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jhdf.api.Dataset;

/** Reads a {@link SliceRequest} of a dataset: only that part of the file, converted to a {@link Slice}. */
public final class Slices {

    /** Filters jhdf 0.13 can undo; data behind any other is refused with the filter's name. */
    private static final Set<Integer> READABLE_FILTERS = Set.of(1, 2, 3, 32000, 32004, 32008);
    /** Datasets up to this many values are read whole when jhdf cannot read a part of them. */
    private static final long SMALL = 1 << 20;

    private Slices() {
    }

    public static Slice read(H5Node node, SliceRequest request) throws Hdf5Exception {
        DatasetFacts facts = DatasetFacts.dataspaceOf(node);
        Dataset dataset = node.dataset();
        if (request.values() > SliceRequest.MAX_VALUES) {
            throw new Hdf5Exception("the slice of " + node.path() + " has " + request.values()
                    + " values; at most " + SliceRequest.MAX_VALUES + " are read at once: choose a smaller range");
        }
        for (int id : FilterNames.of(dataset).stream().mapToInt(FilterNames.Filter::id).toArray()) {
            if (!READABLE_FILTERS.contains(id)) {
                throw new Hdf5Exception("the values of " + node.path() + " cannot be read: they are compressed with "
                        + FilterNames.describe(id) + ", which this reader (jhdf) does not support");
            }
        }
        if (facts.empty()) {
            return new Slice(request, 0, 0, new double[0], null, false);
        }
        try {
            Object data;
            if (facts.scalar() || facts.shape().length == 0) {
                data = dataset.getData();
            } else {
                data = readPart(dataset, facts, request);
            }
            if (data instanceof Map<?, ?> members) {
                data = compoundElements(members, request);
            }
            return toSlice(request, data);
        } catch (RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot read the values of " + node.path(), e);
        }
    }

    private static Object readPart(Dataset dataset, DatasetFacts facts, SliceRequest r) throws Hdf5Exception {
        long[] shape = facts.shape();
        long[] offset = new long[shape.length];
        int[] size = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (d == r.rowAxis()) {
                offset[d] = r.rowStart();
                size[d] = r.rows();
            } else if (d == r.colAxis()) {
                offset[d] = r.colStart();
                size[d] = r.cols();
            } else {
                offset[d] = r.index()[d];
                size[d] = 1;
            }
            if (offset[d] < 0 || offset[d] + size[d] > shape[d]) {
                throw new Hdf5Exception("axis " + d + " of " + facts.path() + " has " + shape[d]
                        + " values; " + offset[d] + ".." + (offset[d] + size[d] - 1) + " is outside it");
            }
        }
        try {
            return dataset.getData(offset, size);
        } catch (UnsupportedOperationException | io.jhdf.exceptions.HdfException e) {
            // jhdf reads parts of contiguous and chunked numeric data; strings, compounds and compact
            // datasets only whole, which is fine for small ones
            if (facts.elementCount() > SMALL) {
                throw Hdf5Exception.of("a part of " + facts.path() + " cannot be read, and it is too big ("
                        + facts.elementCount() + " values) to read whole", e);
            }
            return cut(dataset.getData(), offset, size);
        }
    }

    /**
     * jhdf gives a compound dataset as one n-d array per member; the table wants one value per element:
     * {member=value, …} in row-major order.
     */
    private static Object[] compoundElements(Map<?, ?> members, SliceRequest request) {
        int n = (request.rowAxis() < 0 ? 1 : request.rows()) * (request.colAxis() < 0 ? 1 : request.cols());
        List<Map<Object, Object>> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            elements.add(new LinkedHashMap<>());
        }
        for (Map.Entry<?, ?> member : members.entrySet()) {
            List<Object> values = new ArrayList<>(n);
            leaves(member.getValue(), values, n, member.getValue() != null ? depth(member.getValue(), n) : 0);
            for (int i = 0; i < n && i < values.size(); i++) {
                elements.get(i).put(member.getKey(), values.get(i));
            }
        }
        return elements.toArray();
    }

    /** How many array levels hold the dataset's elements: the levels whose lengths multiply up to n. */
    private static int depth(Object array, int n) {
        int depth = 0;
        long product = 1;
        Object level = array;
        while (level != null && level.getClass().isArray() && product < n) {
            int length = Array.getLength(level);
            product *= length;
            depth++;
            level = length == 0 ? null : Array.get(level, 0);
        }
        return product == n ? depth : 1;
    }

    private static void leaves(Object array, List<Object> out, int n, int depth) {
        if (depth == 0 || array == null || !array.getClass().isArray()) {
            out.add(array);
            return;
        }
        int length = Array.getLength(array);
        for (int i = 0; i < length && out.size() < n; i++) {
            leaves(Array.get(array, i), out, n, depth - 1);
        }
    }

    /** The part [offset, offset+size) of an n-d Java array, as an n-d array of the same rank. */
    private static Object cut(Object data, long[] offset, int[] size) {
        return cut(data, offset, size, 0);
    }

    private static Object cut(Object data, long[] offset, int[] size, int axis) {
        if (axis == offset.length || !data.getClass().isArray()) {
            return data;
        }
        Object[] part = new Object[size[axis]];
        for (int i = 0; i < size[axis]; i++) {
            part[i] = cut(Array.get(data, (int) offset[axis] + i), offset, size, axis + 1);
        }
        return part;
    }

    static Slice toSlice(SliceRequest request, Object data) {
        int rows = request.rowAxis() < 0 ? 1 : request.rows();
        int cols = request.colAxis() < 0 ? 1 : request.cols();
        int n = rows * cols;
        Flat flat = new Flat(n);
        flat.add(data);
        double[] numbers = flat.numbers;
        String[] texts = flat.texts;
        if (request.colAxis() >= 0 && request.rowAxis() > request.colAxis()) {
            // the file's order is columns first: transpose to rows × columns
            double[] t = new double[n];
            String[] s = texts == null ? null : new String[n];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    t[r * cols + c] = numbers[c * rows + r];
                    if (s != null) {
                        s[r * cols + c] = texts[c * rows + r];
                    }
                }
            }
            numbers = t;
            texts = s;
        }
        return new Slice(request, rows, cols, numbers, texts, flat.floats);
    }

    /** Flattens an n-d Java array in row-major order into doubles (and text, once a non-number is met). */
    private static final class Flat {
        final double[] numbers;
        String[] texts;
        boolean floats;
        int next;

        Flat(int n) {
            numbers = new double[n];
        }

        void add(Object value) {
            if (next >= numbers.length) {
                return;
            }
            switch (value) {
                case double[] a -> copy(a.length, i -> a[i]);
                case float[] a -> {
                    floats = true;
                    copy(a.length, i -> a[i]);
                }
                case int[] a -> copy(a.length, i -> a[i]);
                case long[] a -> copy(a.length, i -> a[i]);
                case short[] a -> copy(a.length, i -> a[i]);
                case byte[] a -> copy(a.length, i -> a[i]);
                case boolean[] a -> copy(a.length, i -> a[i] ? 1 : 0);
                case Object[] a -> {
                    for (Object item : a) {
                        add(item);
                    }
                }
                case Number number when !(number instanceof BigInteger big && big.bitLength() > 63) ->
                    one(number.doubleValue(), null);
                case Boolean b -> one(b ? 1 : 0, null);
                default -> one(Double.NaN, ValueText.of(value));
            }
        }

        private void copy(int length, java.util.function.IntToDoubleFunction get) {
            int end = Math.min(length, numbers.length - next);
            for (int i = 0; i < end; i++) {
                numbers[next + i] = get.applyAsDouble(i);
            }
            if (texts != null) {
                for (int i = 0; i < end; i++) {
                    texts[next + i] = ValueText.number(numbers[next + i]);
                }
            }
            next += end;
        }

        private void one(double number, String text) {
            if (text != null && texts == null) {
                texts = new String[numbers.length];
                for (int i = 0; i < next; i++) {
                    texts[i] = ValueText.number(numbers[i]);
                }
            }
            numbers[next] = number;
            if (texts != null) {
                texts[next] = text != null ? text : ValueText.number(number);
            }
            next++;
        }
    }
}
