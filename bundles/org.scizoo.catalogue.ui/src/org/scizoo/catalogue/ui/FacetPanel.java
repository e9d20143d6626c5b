package org.scizoo.catalogue.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;

/**
 * The facets beside the hits: each facet's values among all the hits with their counts; checking a value
 * (mouse or space) keeps only the datasets with it (several of one facet: any of them) and searches again.
 * Picked values stay listed and checked whatever the next counts are.
 */
final class FacetPanel {

    private final Tree tree;
    private final Set<FacetFilter> picked = new LinkedHashSet<>();
    private final Consumer<List<FacetFilter>> changed;

    FacetPanel(Composite parent, Consumer<List<FacetFilter>> changed) {
        this.changed = changed;
        tree = new Tree(parent, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        tree.setToolTipText("Check values to keep only their datasets");
        tree.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TreeItem item
                    && item.getData() instanceof FacetFilter f) {
                pick(f, item.getChecked());
            } else if (e.detail == SWT.CHECK && e.item instanceof TreeItem top) {
                top.setChecked(false); // a facet's name is not a value
            }
        });
    }

    Tree control() {
        return tree;
    }

    List<FacetFilter> filters() {
        return List.copyOf(picked);
    }

    void show(Map<FacetDim, List<FacetCount>> counts) {
        tree.setRedraw(false);
        try {
            tree.removeAll();
            for (FacetDim dim : FacetDim.values()) {
                List<FacetCount> values = new ArrayList<>(counts.getOrDefault(dim, List.of()));
                for (FacetFilter f : picked) {
                    if (f.dim() == dim && values.stream().noneMatch(c -> c.value().equals(f.value()))) {
                        values.add(new FacetCount(f.value(), 0));
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                TreeItem top = new TreeItem(tree, SWT.NONE);
                top.setText(dim.label());
                for (FacetCount c : values) {
                    TreeItem item = new TreeItem(top, SWT.NONE);
                    FacetFilter f = new FacetFilter(dim, c.value());
                    item.setText(c.value() + " (" + c.count() + ")");
                    item.setData(f);
                    item.setChecked(picked.contains(f));
                }
                top.setExpanded(true);
            }
        } finally {
            tree.setRedraw(true);
        }
    }

    /** For tests: each value as "dim=value (count)", checked ones marked with '*'. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (TreeItem top : tree.getItems()) {
            for (TreeItem i : top.getItems()) {
                out.add((i.getChecked() ? "*" : "") + ((FacetFilter) i.getData()).dim().id() + "=" + i.getText());
            }
        }
        return out;
    }

    /** A value checked or unchecked (a click, or a test as one). */
    void pick(FacetFilter f, boolean on) {
        if (on) {
            picked.add(f);
        } else {
            picked.remove(f);
        }
        changed.accept(filters());
    }
}
