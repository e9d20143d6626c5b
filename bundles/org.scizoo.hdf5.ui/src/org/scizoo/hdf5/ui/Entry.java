package org.scizoo.hdf5.ui;

import java.util.ArrayList;
import java.util.List;

import org.scizoo.hdf5.H5Kind;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Hdf5Exception;

/**
 * A row of the inspector's tree, read on the reader thread so that painting never touches the file.
 *
 * @param expandable a group, or a link to one
 */
record Entry(String path, String name, H5Kind kind, String nxClass, String linkTarget, boolean broken,
        boolean expandable) {

    static Entry of(H5Node node) {
        boolean broken = node.isBrokenLink();
        boolean group = node.kind() == H5Kind.GROUP;
        if (node.kind().isLink() && !broken) {
            try {
                group = node.resolved().kind() == H5Kind.GROUP;
            } catch (Hdf5Exception e) {
                broken = true;
            }
        }
        return new Entry(node.path(), node.name(), node.kind(), node.nxClass(), node.linkTarget(), broken, group);
    }

    static List<Entry> children(H5Node group) throws Hdf5Exception {
        List<H5Node> members = group.resolved().children();
        List<Entry> entries = new ArrayList<>(members.size());
        for (H5Node member : members) {
            entries.add(of(member));
        }
        return entries;
    }

    String label() {
        return name + (nxClass != null ? "  [" + nxClass + "]" : "");
    }

    String detail() {
        return switch (kind) {
            case SOFT_LINK, EXTERNAL_LINK -> kind.label() + " → " + linkTarget + (broken ? " (broken)" : "");
            default -> kind.label();
        };
    }

    String parentPath() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
