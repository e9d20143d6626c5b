package org.scizoo.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.jhdf.api.Attribute;

/**
 * Finds a NeXus file's default plot the way NeXus readers do: the root's {@code @default} names an NXentry
 * (else the first NXentry), whose {@code @default} names its NXdata (followed through further
 * {@code @default}s; else the first NXdata), whose {@code @signal} names the plotted dataset and
 * {@code @axes} its axes ("." for none). Files of the older convention (a dataset with {@code @signal=1}
 * and {@code @axes="x:y"}) are understood too.
 */
public final class NexusDefault {

    /**
     * @param axes for each dimension of the signal, the path of its axis dataset, or null
     */
    public record Plot(String signal, long[] shape, List<String> axes, String title) {
    }

    private NexusDefault() {
    }

    /** @throws Hdf5Exception saying which step found nothing (no NXentry, no NXdata, no signal) */
    public static Plot find(H5File file) throws Hdf5Exception {
        H5Node entry = follow(file.root(), "NXentry");
        if (entry == null) {
            throw new Hdf5Exception(file.path().getFileName() + " has no default plot: no @default and no NXentry");
        }
        H5Node data = "NXdata".equals(entry.nxClass()) ? entry : follow(entry, "NXdata");
        if (data == null) {
            throw new Hdf5Exception(file.path().getFileName() + " has no default plot: " + entry.path()
                    + " names no NXdata and holds none");
        }
        return plotOf(data);
    }

    /** The plot an NXdata group describes. */
    public static Plot plotOf(H5Node data) throws Hdf5Exception {
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
        String[] axisNames = axes(data, signal);
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
        return new Plot(signal.path(), facts.shape(), axes, title != null ? title : signal.path());
    }

    private static String[] axes(H5Node data, H5Node signal) {
        String[] fromGroup = strings(data, "axes");
        if (fromGroup != null) {
            return fromGroup;
        }
        String[] fromIndices = fromIndices(data);
        if (fromIndices != null) {
            return fromIndices;
        }
        String legacy = string(signal, "axes");
        return legacy == null ? new String[0] : legacy.split("[:,]");
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

    /** The group {@code @default} leads to from {@code from}, through further {@code @default}s, else the first of that class. */
    private static H5Node follow(H5Node from, String nxClass) throws Hdf5Exception {
        H5Node at = from;
        for (int hops = 0; hops < 8; hops++) {
            String next = string(at, "default");
            H5Node named = next == null ? null : member(at.children(), next);
            if (named == null || named.kind() != H5Kind.GROUP) {
                break;
            }
            at = named;
            if (nxClass.equals(at.nxClass())) {
                return at;
            }
        }
        for (H5Node child : from.children()) {
            if (child.kind() == H5Kind.GROUP && nxClass.equalsIgnoreCase(child.nxClass())) {
                return child;
            }
        }
        return null;
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
