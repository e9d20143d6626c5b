package org.scizoo.hdf5.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.scizoo.hdf5.Attributes;
import org.scizoo.hdf5.DatasetFacts;

/** An object's attributes (an unreadable one shows its error in red) and, for a dataset, its facts. */
final class DetailsView {

    private final Table attributes;
    private final Text facts;

    DetailsView(Composite attributesParent, Composite factsParent) {
        attributes = new Table(attributesParent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        attributes.setHeaderVisible(true);
        attributes.setLinesVisible(true);
        for (String[] c : new String[][] { { "Attribute", "160" }, { "Value", "360" }, { "Type", "220" },
                { "Shape", "70" } }) {
            TableColumn column = new TableColumn(attributes, SWT.NONE);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        facts = new Text(factsParent, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
    }

    Table attributesTable() {
        return attributes;
    }

    Text factsText() {
        return facts;
    }

    void showAttributes(List<Attributes.Row> rows) {
        attributes.removeAll();
        for (Attributes.Row row : rows) {
            TableItem item = new TableItem(attributes, SWT.NONE);
            item.setText(new String[] { row.name(), row.error() != null ? row.error() : row.value(), row.type(),
                    row.shape() });
            if (row.error() != null) {
                item.setForeground(attributes.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
    }

    void showAttributesError(String message) {
        attributes.removeAll();
        TableItem item = new TableItem(attributes, SWT.NONE);
        item.setText(new String[] { "(unreadable)", message, "", "" });
        item.setForeground(attributes.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
    }

    void showFacts(String header, DatasetFacts f) {
        if (f == null) {
            facts.setText(header);
            return;
        }
        double ratio = f.compressionRatio();
        facts.setText(String.join("\n", header,
                "shape: " + f.h5lsShape() + (f.elementCount() > 1 ? "  (" + f.elementCount() + " values)" : ""),
                "type: " + f.type(),
                "layout: " + f.layout()
                        + (f.chunkShape() != null ? ", chunks " + java.util.Arrays.toString(f.chunkShape()) : ""),
                "filters: " + (f.filters().isEmpty() ? "none" : String.join(", ", f.filters())),
                "size in memory: " + bytes(f.sizeInBytes()),
                "size on disk: " + (f.storageInBytes() < 0 ? "unknown" : bytes(f.storageInBytes()))
                        + (Double.isNaN(ratio) ? "" : String.format("  (compression ratio %.2f)", ratio))));
    }

    private static String bytes(long n) {
        if (n < 10_000) {
            return n + " bytes";
        }
        return n < 10_000_000 ? String.format("%.1f kB (%d bytes)", n / 1e3, n)
                : String.format("%.1f MB (%d bytes)", n / 1e6, n);
    }
}
