package org.scizoo.hdf5;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.api.NodeType;
import io.jhdf.links.ExternalLink;

/**
 * One name in an HDF5 file: a group, dataset or named datatype, or a soft or external link (not followed
 * unless asked: {@link #resolved()}). Reads happen on demand and fail with an {@link Hdf5Exception}.
 */
public final class H5Node {

    private final H5File file;
    private final Node node;
    private final String path;
    private final H5Kind kind;

    H5Node(H5File file, Node node, String path, H5Kind kind) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.kind = kind;
    }

    static H5Node of(H5File file, Node node, String path) {
        H5Kind kind;
        if (node instanceof ExternalLink) {
            kind = H5Kind.EXTERNAL_LINK;
        } else if (node instanceof Link) {
            kind = H5Kind.SOFT_LINK;
        } else if (node.getType() == NodeType.DATASET) {
            kind = H5Kind.DATASET;
        } else if (node.getType() == NodeType.COMMITTED_DATATYPE) {
            kind = H5Kind.DATATYPE;
        } else {
            kind = H5Kind.GROUP;
        }
        return new H5Node(file, node, path, kind);
    }

    H5Node withPath(String otherPath) {
        return new H5Node(file, node, otherPath, kind);
    }

    public H5File file() {
        return file;
    }

    /** The absolute path by which this object was reached (a hard-linked object has several). */
    public String path() {
        return path;
    }

    public String name() {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    public H5Kind kind() {
        return kind;
    }

    /** For a soft link the target path; for an external link "file//path" as h5ls writes it; else null. */
    public String linkTarget() {
        if (kind == H5Kind.SOFT_LINK) {
            return ((Link) node).getTargetPath();
        }
        if (kind == H5Kind.EXTERNAL_LINK) {
            // jhdf joins them as "file:path"; h5ls writes "file//path" with the path's leading '/' dropped
            String joined = ((Link) node).getTargetPath();
            int colon = joined.lastIndexOf(':');
            String inFile = joined.substring(colon + 1);
            return joined.substring(0, Math.max(colon, 0)) + "//"
                    + (inFile.startsWith("/") ? inFile.substring(1) : inFile);
        }
        return null;
    }

    /** True for a link whose target cannot be found (a missing object or a missing file). */
    public boolean isBrokenLink() {
        if (!kind.isLink()) {
            return false;
        }
        try {
            return ((Link) node).isBrokenLink();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * The object a link points at (this node itself when it is no link).
     *
     * @throws Hdf5Exception for a broken link, naming its target
     */
    public H5Node resolved() throws Hdf5Exception {
        if (!kind.isLink()) {
            return this;
        }
        try {
            Node target = ((Link) node).getTarget();
            return of(file, target, path);
        } catch (RuntimeException e) {
            throw Hdf5Exception.of(path + " is a broken " + kind.label().toLowerCase() + " to " + linkTarget(), e);
        }
    }

    /** The object header's address: two names with the same one are hard links to one object. */
    long address() {
        return node.getAddress();
    }

    /** The {@code NX_class} attribute of a group (NeXus), or null: none, or not readable. */
    public String nxClass() {
        if (kind != H5Kind.GROUP) {
            return null;
        }
        try {
            Attribute attribute = node.getAttribute("NX_class");
            return attribute == null ? null : ValueText.scalarString(attribute.getData());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A group's members in name order (the order h5ls lists them); empty for anything else. Links are
     * returned as links.
     */
    public List<H5Node> children() throws Hdf5Exception {
        if (kind != H5Kind.GROUP) {
            return List.of();
        }
        Map<String, Node> members;
        try {
            members = ((Group) node).getChildren();
        } catch (RuntimeException | StackOverflowError e) {
            throw Hdf5Exception.of("cannot read the members of " + path
                    + (file.openForWriting() ? H5File.NOT_CLOSED : ""), e);
        }
        List<H5Node> children = new ArrayList<>(members.size());
        String prefix = path.equals("/") ? "/" : path + "/";
        for (Map.Entry<String, Node> member : members.entrySet()) {
            children.add(of(file, member.getValue(), prefix + member.getKey()));
        }
        children.sort(Comparator.comparing(H5Node::name));
        return children;
    }

    /** The jhdf dataset behind this node, following links; null when it is none. */
    Dataset dataset() throws Hdf5Exception {
        Node target = resolved().node;
        return target instanceof Dataset dataset ? dataset : null;
    }

    Node jhdfNode() throws Hdf5Exception {
        return resolved().node;
    }

    @Override
    public String toString() {
        return path + " (" + kind.label() + ")";
    }
}
