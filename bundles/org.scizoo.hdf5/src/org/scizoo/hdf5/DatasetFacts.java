package org.scizoo.hdf5;

import java.util.List;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;

/**
 * What a dataset is, without reading its values: shape and maximum shape, type, layout, chunks, filters,
 * its size in memory and on disk. {@code maxShape} holds -1 for an unlimited dimension.
 */
public record DatasetFacts(String path, long[] shape, long[] maxShape, boolean scalar, boolean empty, String type,
        String javaType, String layout, int[] chunkShape, List<String> filters, long sizeInBytes,
        long storageInBytes) {

    public static DatasetFacts of(H5Node node) throws Hdf5Exception {
        Dataset dataset = node.dataset();
        if (dataset == null) {
            throw new Hdf5Exception(node.path() + " is no dataset");
        }
        try {
            long[] shape = dataset.getDimensionsAsLong();
            long[] max = dataset.getMaxSize();
            int[] chunks = dataset instanceof ChunkedDataset chunked ? chunked.getChunkDimensions() : null;
            List<String> filters = FilterNames.of(dataset).stream().map(FilterNames.Filter::toString).toList();
            Class<?> java = dataset.getJavaType();
            return new DatasetFacts(node.path(), shape, max == null ? shape : max, dataset.isScalar(),
                    dataset.isEmpty(), TypeNames.describe(dataset.getDataType()),
                    java == null ? "?" : java.getSimpleName(), String.valueOf(dataset.getDataLayout()).toLowerCase(),
                    chunks, filters, dataset.getSizeInBytes(), storage(dataset));
        } catch (RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot read the header of dataset " + node.path(), e);
        }
    }

    private static long storage(Dataset dataset) {
        try {
            return dataset.getStorageInBytes();
        } catch (RuntimeException e) {
            return -1; // jhdf cannot tell for every layout
        }
    }

    /** Elements in the dataset (1 for a scalar, 0 for an empty one). */
    public long elementCount() {
        if (empty) {
            return 0;
        }
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Size in memory / size on disk; NaN when either is unknown or nothing is stored. */
    public double compressionRatio() {
        return storageInBytes > 0 && sizeInBytes >= 0 ? (double) sizeInBytes / storageInBytes : Double.NaN;
    }

    /**
     * Only the dataspace (shape, maximum, scalar, empty): what a listing, a slice or a plot's axis needs.
     * No layout, chunk index or filters are read (a chunked dataset's storage size walks its whole chunk
     * index); those facts are left null, empty or -1.
     */
    public static DatasetFacts dataspaceOf(H5Node node) throws Hdf5Exception {
        Dataset dataset = node.dataset();
        if (dataset == null) {
            throw new Hdf5Exception(node.path() + " is no dataset");
        }
        try {
            long[] shape = dataset.getDimensionsAsLong();
            long[] max = dataset.getMaxSize();
            return new DatasetFacts(node.path(), shape, max == null ? shape : max, dataset.isScalar(),
                    dataset.isEmpty(), null, null, null, null, List.of(), -1, -1);
        } catch (RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot read the dataspace of dataset " + node.path(), e);
        }
    }

    /** "{2, 5, 100}" or "{999/Inf}" or "{SCALAR}" or "{NULL}", as h5ls writes a dataset's dataspace. */
    public String h5lsShape() {
        if (empty) {
            return "{NULL}";
        }
        if (scalar) {
            return "{SCALAR}";
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : ", ").append(shape[i]);
            if (maxShape[i] < 0) {
                out.append("/Inf");
            } else if (maxShape[i] != shape[i]) {
                out.append('/').append(maxShape[i]);
            }
        }
        return out.append('}').toString();
    }
}
