package org.scizoo.hdf5.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * The file's tree, expanded lazily: a group's members are read (on the reader thread) when it is first
 * expanded; until then it shows "reading…". Broken links are shown in red.
 */
final class NodeTree {

    private static final String READING = "reading…";

    private final TreeViewer viewer;
    private final InspectorReader reader;
    private final Consumer<String> problem;
    private final Map<String, List<Entry>> children = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    NodeTree(Composite parent, InspectorReader reader, Consumer<String> problem) {
        this.reader = reader;
        this.problem = problem;
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        viewer.getTree().setHeaderVisible(true);
        Color red = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        column("Name", 260, e -> e.label(), red);
        column("Kind", 160, Entry::detail, red);
        viewer.setContentProvider(new Content());
    }

    private void column(String title, int width, java.util.function.Function<Entry, String> text, Color red) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Entry e ? text.apply(e) : title.equals("Name") ? String.valueOf(element) : "";
            }

            @Override
            public Color getForeground(Object element) {
                return element instanceof Entry e && e.broken() ? red : null;
            }
        });
    }

    TreeViewer viewer() {
        return viewer;
    }

    /** Shows the root's members (already read). */
    void show(List<Entry> rootMembers) {
        children.clear();
        failures.clear();
        children.put("/", rootMembers);
        viewer.setInput("/");
    }

    List<Entry> rootEntries() {
        return children.getOrDefault("/", List.of());
    }

    Entry selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof Entry e ? e : null;
    }

    /** Paths of the expanded groups, to expand again after a reload. */
    List<String> expandedPaths() {
        List<String> paths = new ArrayList<>();
        for (Object o : viewer.getExpandedElements()) {
            if (o instanceof Entry e) {
                paths.add(e.path());
            }
        }
        return paths;
    }

    /** Puts members read elsewhere (a search, a reload) into the tree. */
    void addChildren(Map<String, List<Entry>> read) {
        children.putAll(read);
        viewer.refresh();
    }

    /** Expands down to {@code path} (its ancestors' members must be known) and selects it. */
    void reveal(String path) {
        reveal(path, true);
    }

    /** Expands down to {@code path} and, with {@code select}, selects it; else expands it too. */
    void reveal(String path, boolean select) {
        List<Entry> segments = new ArrayList<>();
        String parent = "/";
        for (String name : path.substring(1).split("/")) {
            Entry found = null;
            for (Entry e : children.getOrDefault(parent, List.of())) {
                if (e.name().equals(name)) {
                    found = e;
                }
            }
            if (found == null) {
                return;
            }
            segments.add(found);
            parent = found.path();
        }
        TreePath treePath = new TreePath(segments.toArray());
        for (int i = 1; i < segments.size(); i++) {
            viewer.setExpandedState(new TreePath(segments.subList(0, i).toArray()), true);
        }
        if (select) {
            viewer.setSelection(new TreeSelection(treePath), true);
            viewer.getTree().showSelection();
        } else {
            viewer.setExpandedState(treePath, true);
        }
    }

    void select(Entry entry) {
        viewer.setSelection(new StructuredSelection(entry), true);
    }

    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return children.getOrDefault("/", List.of()).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (!(parent instanceof Entry e)) {
                return new Object[0];
            }
            List<Entry> known = children.get(e.path());
            if (known != null) {
                return known.toArray();
            }
            String failure = failures.get(e.path());
            if (failure != null) {
                return new Object[] { "cannot be read: " + failure };
            }
            load(e);
            return new Object[] { READING };
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Entry e && e.expandable();
        }
    }

    private void load(Entry group) {
        reader.read("the members of " + group.path(), file -> Entry.children(file.node(group.path())), members -> {
            children.put(group.path(), members);
            if (!viewer.getControl().isDisposed()) {
                viewer.refresh(group);
            }
        }, message -> {
            failures.put(group.path(), message);
            problem.accept(message);
            if (!viewer.getControl().isDisposed()) {
                viewer.refresh(group);
            }
        });
    }
}
