package org.scizoo.hdf5;

import java.util.List;
import java.util.Map;

import io.jhdf.AbstractNode;
import io.jhdf.api.Dataset;
import io.jhdf.object.message.FilterPipelineMessage;

/** Names of the registered HDF5 filters (https://www.hdfgroup.org/services/registered_filters/). */
public final class FilterNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "deflate (gzip)"),
            Map.entry(2, "shuffle"), Map.entry(3, "fletcher32"), Map.entry(4, "szip"), Map.entry(5, "nbit"),
            Map.entry(6, "scaleoffset"), Map.entry(307, "bzip2"), Map.entry(32000, "lzf"),
            Map.entry(32001, "blosc"), Map.entry(32004, "lz4"), Map.entry(32008, "bitshuffle"),
            Map.entry(32015, "zstd"), Map.entry(32017, "sz"), Map.entry(32026, "blosc2"));

    private FilterNames() {
    }

    /** One filter of a dataset's pipeline, with its parameters. */
    public record Filter(int id, int[] parameters) {
        @Override
        public String toString() {
            return describe(id) + (parameters == null || parameters.length == 0 ? ""
                    : " " + java.util.Arrays.toString(parameters));
        }
    }

    /**
     * A dataset's filter pipeline, read from its header. (jhdf's own {@code getFilters()} builds the
     * pipeline and fails on a filter it lacks; the header can always be read, so the filter can be named.)
     */
    public static List<Filter> of(Dataset dataset) {
        if (!(dataset instanceof AbstractNode node)
                || !node.getHeader().hasMessageOfType(FilterPipelineMessage.class)) {
            return List.of();
        }
        return node.getHeader().getMessageOfType(FilterPipelineMessage.class).getFilters().stream()
                .map(f -> new Filter(f.getId(), f.getData())).toList();
    }

    /** "szip (filter 4)"; an unregistered id as "filter 12345". */
    public static String describe(int id) {
        String name = NAMES.get(id);
        return name == null ? "filter " + id : name + " (filter " + id + ")";
    }
}
