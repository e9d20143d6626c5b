package org.scizoo.ui.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MBindingTable;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;

/**
 * Help's dialogs: About (the version and every bundle with its version and state), the keyboard shortcuts
 * (the bindings in force, with their commands), and the user guide's text. Each shows; none edits.
 */
public final class InfoDialogs {

    private InfoDialogs() {
    }

    /** A row of a two- or three-column table. */
    public record Row(String... cells) {
    }

    /** Rows of the bundles of the running framework: name, version, state; SciZoo's own first. */
    public static List<Row> bundles(Bundle[] bundles) {
        List<Bundle> sorted = new ArrayList<>(Arrays.asList(bundles));
        sorted.sort(Comparator.comparing((Bundle b) -> !b.getSymbolicName().startsWith("org.scizoo."))
                .thenComparing(Bundle::getSymbolicName));
        return sorted.stream().map(b -> new Row(b.getSymbolicName(), b.getVersion().toString(), state(b))).toList();
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting (lazy)";
            case Bundle.INSTALLED -> "installed, not resolved";
            default -> "stopping";
        };
    }

    /** Key, command and context of each binding of the application model (the plug-ins' too), as users read keys. */
    public static List<Row> keyBindings(MApplication app) {
        List<Row> rows = new ArrayList<>();
        for (MBindingTable table : app.getBindingTables()) {
            String where = table.getBindingContext() == null ? "" : table.getBindingContext().getName();
            for (MKeyBinding b : table.getBindings()) {
                String command = b.getCommand() == null ? "?" : b.getCommand().getCommandName();
                rows.add(new Row(format(b.getKeySequence()), command, where));
            }
        }
        return rows;
    }

    /** "M1+M2+C" as "Ctrl+Shift+C". */
    static String format(String keySequence) {
        try {
            return KeySequence.getInstance(keySequence).format();
        } catch (ParseException e) {
            return keySequence;
        }
    }

    /** About: the product and its version above a table of bundles. */
    public static Dialog about(Shell parent, String version, List<Row> bundles) {
        return table(parent, "About SciZoo Workbench", "SciZoo Workbench " + version
                + "\nRecords, shows and publishes the metadata of experiments at synchrotron beamlines, in documents"
                + " a SciCat catalogue reads.\n" + bundles.size() + " bundles:", List.of("Bundle", "Version", "State"),
                bundles);
    }

    /** The keyboard shortcuts: key, command, and where it applies. */
    public static Dialog keys(Shell parent, List<Row> bindings) {
        return table(parent, "Keyboard shortcuts", bindings.size() + " keys (Ctrl+Z, Ctrl+Y and Ctrl+C act on a part's"
                + " table when it has the keyboard; text fields keep their own):", List.of("Key", "Command", "Where"),
                bindings);
    }

    /** A text to read (the user guide). */
    public static Dialog text(Shell parent, String title, String text) {
        return new Dialog(parent) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                shell.setText(title);
            }

            @Override
            protected boolean isResizable() {
                return true;
            }

            @Override
            protected Control createDialogArea(Composite p) {
                Composite area = (Composite) super.createDialogArea(p);
                Text t = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
                t.setText(text);
                GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
                d.widthHint = 760;
                d.heightHint = 560;
                t.setLayoutData(d);
                return area;
            }

            @Override
            protected void createButtonsForButtonBar(Composite p) {
                createButton(p, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
            }
        };
    }

    private static Dialog table(Shell parent, String title, String heading, List<String> columns, List<Row> rows) {
        return new Dialog(parent) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                shell.setText(title);
            }

            @Override
            protected boolean isResizable() {
                return true;
            }

            @Override
            protected Control createDialogArea(Composite p) {
                Composite area = (Composite) super.createDialogArea(p);
                new Label(area, SWT.WRAP).setText(heading);
                Table t = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
                t.setHeaderVisible(true);
                for (String c : columns) {
                    new TableColumn(t, SWT.NONE).setText(c);
                }
                for (Row r : rows) {
                    new TableItem(t, SWT.NONE).setText(r.cells());
                }
                for (TableColumn c : t.getColumns()) {
                    c.pack();
                }
                GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
                d.widthHint = 720;
                d.heightHint = 420;
                t.setLayoutData(d);
                return area;
            }

            @Override
            protected void createButtonsForButtonBar(Composite p) {
                createButton(p, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
            }
        };
    }
}
