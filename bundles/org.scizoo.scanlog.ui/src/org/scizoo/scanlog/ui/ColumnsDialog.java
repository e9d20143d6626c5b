package org.scizoo.scanlog.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.scizoo.scanlog.core.ScanColumn;
import org.scizoo.scanlog.core.ScanTable;

/**
 * Choose the Scanlog's columns from every field and metadata key the data has: tick to show, Up/Down (or
 * Alt+Up/Alt+Down) to order.
 */
final class ColumnsDialog extends Dialog {

    private final ScanTable table;
    private final List<String> shown;
    private Table list;
    private List<String> result;

    ColumnsDialog(Shell parent, ScanTable table, List<String> shown) {
        super(parent);
        this.table = table;
        this.shown = shown;
    }

    /** The chosen columns in order, or null when cancelled. */
    List<String> choose() {
        return open() == OK ? result : null;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("SciZoo: Scanlog columns");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label hint = new Label(area, SWT.NONE);
        hint.setText("Tick the columns to show; order them with Up and Down.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        list = new Table(area, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2);
        gd.heightHint = 380;
        gd.widthHint = 320;
        list.setLayoutData(gd);
        List<ScanColumn> all = new ArrayList<>(table.columns());
        for (String id : shown) {
            ScanColumn c = table.column(id);
            if (c != null) {
                add(c, true);
                all.remove(c);
            }
        }
        all.forEach(c -> add(c, false));
        Button up = new Button(area, SWT.PUSH);
        up.setText("Up");
        up.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        up.addListener(SWT.Selection, e -> move(-1));
        Button down = new Button(area, SWT.PUSH);
        down.setText("Down");
        down.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        down.addListener(SWT.Selection, e -> move(1));
        list.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.ALT) != 0 && (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.ARROW_DOWN)) {
                move(e.keyCode == SWT.ARROW_UP ? -1 : 1);
                e.doit = false;
            }
        });
        return area;
    }

    private void add(ScanColumn c, boolean checked) {
        TableItem item = new TableItem(list, SWT.NONE);
        item.setText(c.header() + "    (" + c.id() + ")");
        item.setData(c.id());
        item.setChecked(checked);
    }

    private void move(int by) {
        int i = list.getSelectionIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= list.getItemCount()) {
            return;
        }
        TableItem a = list.getItem(i);
        TableItem b = list.getItem(j);
        String text = a.getText();
        Object data = a.getData();
        boolean checked = a.getChecked();
        a.setText(b.getText());
        a.setData(b.getData());
        a.setChecked(b.getChecked());
        b.setText(text);
        b.setData(data);
        b.setChecked(checked);
        list.setSelection(j);
    }

    @Override
    protected void okPressed() {
        result = new ArrayList<>();
        for (TableItem item : list.getItems()) {
            if (item.getChecked()) {
                result.add((String) item.getData());
            }
        }
        super.okPressed();
    }
}
