package org.scizoo.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.jhdf.api.Attribute;

/**
 * Finds a NeXus file's default plot the way NeXus readers do: the root's {@code @default} names an NXentry
 * (else the first NXentry), whose {@code @default} names its NXdata (followed through further
 * {@code @default}s), whose {@code @signal} names the plotted dataset and {@code @axes} its axes ("." for
 * none). Files of the older conventions are understood too: a field with {@code signal=1} is the signal,
 * its {@code axes="x:y"} or the fields with {@code axis=N} (1-based, {@code primary=1} first) its axes.
 * Where that leads to nothing that plots (no {@code @default}, or an NXdata left empty, as Diamond's
 * 2014 processed files have), the first NXdata that can be plotted is taken, as silx does: the chosen
 * entry's, nearest first, then the other entries'. {@link Plot#choice()} says which way it was found.
 */
public final class NexusDefault {

    /** How deep below an NXentry the fallback looks for an NXdata (NXcollection/NXprocess nest them). */
    private static final int SEARCH_DEPTH = 6;

    /**
     * @param nxdata the NXdata group plotted
     * @param axes for each dimension of the signal, the path of its axis dataset, or null
     * @param choice how it was found: "named by @default", or why the fallback took it
     */
    public record Plot(String nxdata, String signal, long[] shape, List<String> axes, String title, String choice) {

        /** True when the NeXus {@code @default} chain led here; false for the first NXdata that plots. */
        public boolean byDefault() {
            return choice.equals(BY_DEFAULT);
        }
    }

    static final String BY_DEFAULT = "named by @default";

    private NexusDefault() {
    }

    /** @throws Hdf5Exception saying why nothing plots (no NXentry; each NXdata tried and what it lacks) */
    public static Plot find(H5File file) throws Hdf5Exception {
        H5Node root = file.root();
        H5Node named = byDefault(root, "NXentry");
        List<H5Node> entries = new ArrayList<>(groups(root, "NXentry"));
        if (named == null && entries.isEmpty()) {
            throw new Hdf5Exception(file.path().getFileName() + " has no default plot: no @default and no NXentry");
        }
        H5Node entry = named != null ? named : entries.get(0);
        List<String> passedOver = new ArrayList<>();
        H5Node data = "NXdata".equals(entry.nxClass()) ? entry : byDefault(entry, "NXdata");
        if (data != null) {
            try {
                return plotOf(data, BY_DEFAULT);
            } catch (Hdf5Exception e) {
                passedOver.add(e.getMessage());
            }
        } else {
            passedOver.add(entry.path() + " has no @default");
        }
        entries.removeIf(e -> e.path().equals(entry.path()));
        entries.add(0, entry);
        for (H5Node e : entries) {
            for (H5Node candidate : nxdataBelow(e)) {
                if (data != null && candidate.path().equals(data.path())) {
                    continue;
                }
                try {
                    return plotOf(candidate,
                            "the first NXdata that can be plotted (" + String.join("; ", passedOver) + ")");
                } catch (Hdf5Exception notPlottable) {
                    passedOver.add(notPlottable.getMessage());
                }
            }
        }
        throw new Hdf5Exception(file.path().getFileName() + " has no default plot: "
                + (passedOver.size() == 1 && data == null ? entry.path() + " names no NXdata and holds none"
                        : String.join("; ", passedOver)));
    }

    /** The plot an NXdata group describes, found as {@code choice} says. */
    public static Plot plotOf(H5Node data, String choice) throws Hdf5Exception {
        String signalName = string(data, "signal");
        H5Node signal = null;
        List<H5Node> members = data.children();
        if (signalName != null) {
            signal = member(members, signalName);
        } else {
            for (H5Node m : members) {
                if (m.kind() != H5Kind.GROUP && "1".equals(string(m, "signal"))) {
                    signal = m;
                }
            }
        }
        if (signal == null || signal.dataset() == null) {
            throw new Hdf5Exception(data.path() + " names no signal dataset"
                    + (signalName == null ? " (no @signal)" : " (@signal=" + signalName + " is not there)"));
        }
        DatasetFacts facts = DatasetFacts.dataspaceOf(signal);
        Class<?> type = signal.dataset().getJavaType();
        if (facts.elementCount() == 0 || type == String.class) {
            throw new Hdf5Exception(data.path() + "'s signal " + signal.name()
                    + (facts.elementCount() == 0 ? " holds no values" : " holds text, not numbers"));
        }
        String[] axisNames = axes(data, signal, members, facts.shape().length);
        List<String> axes = new ArrayList<>();
        for (int d = 0; d < facts.shape().length; d++) {
            String name = d < axisNames.length ? axisNames[d].strip() : ".";
            H5Node axis = name.equals(".") ? null : member(members, name);
            axes.add(axis == null || axis.dataset() == null ? null : axis.path());
        }
        String title = string(data, "long_name");
        if (title == null) {
            title = string(signal, "long_name");
        }
        return new Plot(data.path(), signal.path(), facts.shape(), axes, title != null ? title : signal.path(), choice);
    }

    /** The NXdata groups below an entry, nearest first (breadth first, in name order); links are not followed. */
    private static List<H5Node> nxdataBelow(H5Node entry) throws Hdf5Exception {
        List<H5Node> found = new ArrayList<>();
        List<H5Node> level = List.of(entry);
        for (int depth = 0; depth < SEARCH_DEPTH && !level.isEmpty(); depth++) {
            List<H5Node> next = new ArrayList<>();
            for (H5Node group : level) {
                for (H5Node child : group.children()) {
                    if (child.kind() == H5Kind.GROUP) {
                        (("NXdata".equalsIgnoreCase(child.nxClass())) ? found : next).add(child);
                    }
                }
            }
            level = next;
        }
        return found;
    }

    private static String[] axes(H5Node data, H5Node signal, List<H5Node> members, int rank) {
        String[] fromGroup = strings(data, "axes");
        if (fromGroup != null) {
            return fromGroup;
        }
        String[] fromIndices = fromIndices(data);
        if (fromIndices != null) {
            return fromIndices;
        }
        String legacy = string(signal, "axes");
        return legacy != null ? legacy.split("[:,]") : fromAxisAttributes(members, signal, rank);
    }

    /**
     * NeXus's oldest convention: each axis field says {@code axis=N}, the signal's dimension counted from 1;
     * where several claim a dimension, the one with {@code primary=1} wins, else the first by name.
     */
    private static String[] fromAxisAttributes(List<H5Node> members, H5Node signal, int rank) {
        String[] axes = new String[rank];
        Arrays.fill(axes, ".");
        boolean[] primary = new boolean[rank];
        for (H5Node m : members) {
            String axis = m.kind() == H5Kind.GROUP || m.path().equals(signal.path()) ? null : string(m, "axis");
            int d = axis != null && axis.matches("\\d+") ? Integer.parseInt(axis) - 1 : -1;
            if (d < 0 || d >= rank) {
                continue;
            }
            boolean isPrimary = "1".equals(string(m, "primary"));
            if (axes[d].equals(".") || isPrimary && !primary[d]) {
                axes[d] = m.name();
                primary[d] = isPrimary;
            }
        }
        return axes;
    }

    /**
     * The axes named by {@code @AXISNAME_indices} attributes (NeXus: "energy_indices = 0" makes the dataset
     * {@code energy} the axis of dimension 0), when the group has no {@code @axes}.
     */
    private static String[] fromIndices(H5Node data) {
        java.util.Map<Integer, String> byDimension = new java.util.TreeMap<>();
        try {
            for (String name : data.jhdfNode().getAttributes().keySet()) {
                String dimension = name.endsWith("_indices") ? string(data, name) : null;
                if (dimension != null && dimension.matches("\\d+")) {
                    byDimension.putIfAbsent(Integer.parseInt(dimension), name.substring(0, name.length() - 8));
                }
            }
        } catch (Hdf5Exception | RuntimeException e) {
            return null;
        }
        if (byDimension.isEmpty()) {
            return null;
        }
        String[] axes = new String[byDimension.keySet().stream().mapToInt(i -> i).max().orElse(0) + 1];
        Arrays.fill(axes, ".");
        byDimension.forEach((d, name) -> axes[d] = name);
        return axes;
    }

    /** The group of that class the {@code @default} chain from {@code from} leads to, or null. */
    private static H5Node byDefault(H5Node from, String nxClass) throws Hdf5Exception {
        H5Node at = from;
        for (int hops = 0; hops < 8; hops++) {
            String next = string(at, "default");
            H5Node named = next == null ? null : member(at.children(), next);
            if (named == null || named.kind() != H5Kind.GROUP) {
                return null;
            }
            at = named;
            if (nxClass.equals(at.nxClass())) {
                return at;
            }
        }
        return null;
    }

    private static List<H5Node> groups(H5Node parent, String nxClass) throws Hdf5Exception {
        List<H5Node> out = new ArrayList<>();
        for (H5Node child : parent.children()) {
            if (child.kind() == H5Kind.GROUP && nxClass.equalsIgnoreCase(child.nxClass())) {
                out.add(child);
            }
        }
        return out;
    }

    private static H5Node member(List<H5Node> members, String name) throws Hdf5Exception {
        for (H5Node m : members) {
            if (m.name().equals(name)) {
                return m.resolved();
            }
        }
        return null;
    }

    private static String string(H5Node node, String attribute) {
        String[] values = strings(node, attribute);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String[] strings(H5Node node, String attribute) {
        try {
            Attribute a = node.jhdfNode().getAttribute(attribute);
            if (a == null) {
                return null;
            }
            Object value = a.getData();
            if (value instanceof String s) {
                return new String[] { s };
            }
            if (value instanceof String[] array) {
                return array;
            }
            if (value instanceof Number n) {
                return new String[] { ValueText.number(n.doubleValue()) };
            }
            if (value != null && value.getClass().isArray()) {
                String text = ValueText.of(value);
                return Arrays.stream(text.substring(1, text.length() - 1).split(", ")).toArray(String[]::new);
            }
            return null;
        } catch (Hdf5Exception | RuntimeException e) {
            return null;
        }
    }
}
