package org.scizoo.hdf5;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The object list of a file in {@code h5ls}'s words, one line an object: {@code h5ls -r} with
 * {@link #recursive}, {@code h5ls} (the root's members) without. A hard link to an object already listed
 * is written "…, same as /first/path" and not descended into, as h5ls does; soft and external links are
 * listed, not followed. An optional NeXus class is appended in brackets ({@link #withNxClass}).
 */
public final class H5Listing {

    private final boolean recursive;
    private final boolean withNxClass;

    public H5Listing(boolean recursive, boolean withNxClass) {
        this.recursive = recursive;
        this.withNxClass = withNxClass;
    }

    /**
     * Writes every line to {@code out} as it goes; returns the number of lines.
     *
     * @throws Hdf5Exception when a group's members or a dataset's header cannot be read; the lines before
     *             it have been written
     */
    public int list(H5File file, Consumer<String> out) throws Hdf5Exception {
        Map<Long, String> seen = new HashMap<>();
        H5Node root = file.root();
        int lines = 0;
        if (recursive) {
            seen.put(root.address(), "/");
            out.accept(line("/", root));
            lines++;
        }
        return lines + walk(root, seen, out);
    }

    private int walk(H5Node group, Map<Long, String> seen, Consumer<String> out) throws Hdf5Exception {
        int lines = 0;
        for (H5Node child : group.children()) {
            String shown = recursive ? child.path() : child.name();
            String first = null;
            if (!child.kind().isLink()) {
                first = seen.putIfAbsent(child.address(), child.path());
            }
            if (first != null) {
                out.accept(pad(escape(shown)) + child.kind().label() + ", same as " + first);
                lines++;
                continue;
            }
            out.accept(line(shown, child));
            lines++;
            if (recursive && child.kind() == H5Kind.GROUP) {
                lines += walk(child, seen, out);
            }
        }
        return lines;
    }

    private String line(String shown, H5Node node) throws Hdf5Exception {
        StringBuilder text = new StringBuilder(pad(escape(shown))).append(node.kind().label());
        switch (node.kind()) {
            case DATASET -> text.append(' ').append(DatasetFacts.dataspaceOf(node).h5lsShape());
            case SOFT_LINK, EXTERNAL_LINK -> text.append(" {").append(node.linkTarget()).append('}');
            case GROUP -> {
                String nxClass = withNxClass ? node.nxClass() : null;
                if (nxClass != null) {
                    text.append(" [").append(nxClass).append(']');
                }
            }
            default -> {
            }
        }
        return text.toString();
    }

    /** h5ls pads a name to 24 characters and then leaves one space. */
    private static String pad(String name) {
        return name.length() >= 24 ? name + " " : name + " ".repeat(25 - name.length());
    }

    /** h5ls escapes spaces (and backslashes) in names with a backslash. */
    static String escape(String name) {
        return name.replace("\\", "\\\\").replace(" ", "\\ ");
    }
}
