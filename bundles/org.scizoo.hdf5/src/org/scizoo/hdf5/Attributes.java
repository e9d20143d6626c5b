package org.scizoo.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jhdf.api.Attribute;

/** The attributes of an object, each read on its own: one unreadable attribute does not hide the others. */
public final class Attributes {

    /** One attribute: its value as text, or why it could not be read ({@code error} not null). */
    public record Row(String name, String type, String shape, String value, String error) {
    }

    private Attributes() {
    }

    /** The attributes in name order. For a link, those of its target. */
    public static List<Row> of(H5Node node) throws Hdf5Exception {
        Map<String, Attribute> attributes;
        try {
            attributes = new TreeMap<>(node.jhdfNode().getAttributes());
        } catch (RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot read the attributes of " + node.path()
                    + (node.file().openForWriting() ? H5File.NOT_CLOSED : ""), e);
        }
        List<Row> rows = new ArrayList<>(attributes.size());
        for (Map.Entry<String, Attribute> entry : attributes.entrySet()) {
            rows.add(row(entry.getKey(), entry.getValue()));
        }
        return rows;
    }

    private static Row row(String name, Attribute attribute) {
        String type = "?";
        String shape = "?";
        try {
            type = TypeNames.describe(attribute.getDataType());
            shape = attribute.isEmpty() ? "null" : attribute.isScalar() ? "scalar" : shape(attribute.getDimensions());
            return new Row(name, type, shape, ValueText.of(attribute.getData()), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Row(name, type, shape, "", Hdf5Exception.of("cannot read attribute " + name, e).getMessage());
        }
    }

    static String shape(int[] dimensions) {
        return dimensions.length == 0 ? "scalar" : Arrays.toString(dimensions).replace("[", "").replace("]", "")
                .replace(", ", " × ");
    }
}
