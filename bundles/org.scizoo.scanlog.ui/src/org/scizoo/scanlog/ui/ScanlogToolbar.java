package org.scizoo.scanlog.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.ScanlogLayout;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.Times;

/**
 * The Scanlog's controls above the table: proposal, from/till window, free-text search (applied as typed,
 * 250 ms after the last key), named layouts, columns, exports.
 */
final class ScanlogToolbar {

    static final String ALL = "All proposals";
    static final int SEARCH_DELAY_MS = 250;

    private final ScanlogPart part;
    private final Combo proposal;
    private final Text from;
    private final Text till;
    private final Text search;
    private final Combo layouts;
    private final Label problems;
    private int searchGeneration;

    ScanlogToolbar(Composite parent, ScanlogPart part) {
        this.part = part;
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(11, false));
        new Label(bar, SWT.NONE).setText("Proposal");
        proposal = new Combo(bar, SWT.READ_ONLY);
        proposal.setItems(ALL);
        proposal.select(0);
        proposal.setLayoutData(new GridData(130, SWT.DEFAULT));
        new Label(bar, SWT.NONE).setText("From");
        from = dateField(bar, "e.g. 2026-11-20");
        new Label(bar, SWT.NONE).setText("till");
        till = dateField(bar, "open");
        Button show = new Button(bar, SWT.PUSH);
        show.setText("Show");
        show.setToolTipText("Show the scans of this proposal and time window (Enter in a field does the same)");
        show.addListener(SWT.Selection, e -> openSelection());
        proposal.addListener(SWT.Selection, e -> openSelection());
        from.addListener(SWT.DefaultSelection, e -> openSelection());
        till.addListener(SWT.DefaultSelection, e -> openSelection());

        search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search the shown columns");
        search.setToolTipText("Text in any shown column, ignoring case. Numbers: type a range in the column's"
                + " filter cell, e.g. > 25 degC or 10..20");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> {
            int generation = ++searchGeneration;
            search.getDisplay().timerExec(SEARCH_DELAY_MS, () -> {
                if (generation == searchGeneration && !search.isDisposed()) {
                    part.pushSpec();
                }
            });
        });

        new Label(bar, SWT.NONE).setText("Layout");
        layouts = new Combo(bar, SWT.READ_ONLY);
        layouts.setLayoutData(new GridData(110, SWT.DEFAULT));
        layouts.addListener(SWT.Selection, e -> applyLayout(layouts.getText()));
        button(bar, "Save…", "Save the columns, widths, sort and filters as a named layout", this::saveLayout);
        problems = new Label(parent, SWT.NONE);
        GridData problemsData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        problemsData.exclude = true; // takes room only when there is something to say
        problems.setLayoutData(problemsData);
        problems.setVisible(false);
        problems.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
    }

    private static Text dateField(Composite bar, String hint) {
        Text t = new Text(bar, SWT.BORDER);
        t.setMessage(hint);
        t.setToolTipText("A day (2026-11-20) or a time (2026-11-20 14:30), local; empty for no limit");
        t.setLayoutData(new GridData(110, SWT.DEFAULT));
        return t;
    }

    private static void button(Composite bar, String text, String tip, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void openSelection() {
        try {
            Instant f = from.getText().isBlank() ? null : Times.start(from.getText());
            Instant t = till.getText().isBlank() ? null : Times.end(till.getText());
            String p = proposal.getText().equals(ALL) ? null : proposal.getText();
            part.open(new ScanSelection(p, f, t));
            say("");
        } catch (IllegalArgumentException e) {
            say(e.getMessage());
        }
    }

    /** Shows a problem in red under the controls, or hides the line when there is none. */
    private void say(String text) {
        if (problems.isDisposed()) {
            return;
        }
        problems.setText(text);
        boolean show = !text.isEmpty();
        ((GridData) problems.getLayoutData()).exclude = !show;
        problems.setVisible(show);
        problems.getParent().layout();
    }

    String search() {
        return search.isDisposed() ? null : search.getText();
    }

    void showProblems(Map<String, String> byColumn) {
        String text = byColumn.isEmpty() ? "" : "Filter not applied: " + String.join("; ", byColumn.values());
        if (!problems.isDisposed() && !problems.getText().equals(text)) {
            say(text);
        }
    }

    /** Fills the proposal list from the store, in a job. */
    void loadProposals() {
        Job.create("Reading the proposals", monitor -> {
            try {
                List<String> ids = part.catalog().store().listProposals().stream().map(Proposal::proposalId).toList();
                part.sync().asyncExec(() -> {
                    if (!proposal.isDisposed()) {
                        String chosen = proposal.getText();
                        List<String> items = new ArrayList<>(List.of(ALL));
                        items.addAll(ids);
                        proposal.setItems(items.toArray(String[]::new));
                        proposal.select(Math.max(0, items.indexOf(chosen)));
                    }
                });
            } catch (CatalogException e) {
                part.sync().asyncExec(() -> say("Proposals: " + e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    static String beamline() {
        return System.getProperty("scizoo.beamline", "default");
    }

    void loadLayouts() {
        Job.create("Reading the Scanlog layouts", monitor -> {
            try {
                List<String> names = part.catalog().store().layouts().list(beamline(), ScanlogPart.author()).stream()
                        .map(ScanlogLayout::name).toList();
                part.sync().asyncExec(() -> {
                    if (!layouts.isDisposed()) {
                        layouts.setItems(names.toArray(String[]::new));
                    }
                });
            } catch (CatalogException e) {
                part.sync().asyncExec(() -> say("Layouts: " + e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void saveLayout() {
        InputDialog ask = new InputDialog(layouts.getShell(), "SciZoo: Save layout",
                "Name of the layout (for " + ScanlogPart.author() + " on " + beamline() + "):",
                layouts.getText(), s -> s == null || s.isBlank() ? "A layout needs a name" : null);
        if (ask.open() != Window.OK) {
            return;
        }
        ScanlogTable t = part.scanTable();
        List<ScanlogLayout.Column> columns = new ArrayList<>();
        t.widths().forEach((id, w) -> columns.add(new ScanlogLayout.Column(id, w == null ? 100 : w)));
        ScanView.Sort sort = t.sort();
        ScanlogLayout layout = new ScanlogLayout(beamline(), ScanlogPart.author(), ask.getValue(), columns,
                sort.columnId(), sort.ascending(), t.filters(), null);
        Job.create("Saving layout " + layout.name(), monitor -> {
            try {
                part.catalog().store().layouts().save(layout);
                part.sync().asyncExec(() -> {
                    part.setSummary("Layout '" + layout.name() + "' saved");
                    loadLayouts();
                });
            } catch (CatalogException e) {
                part.sync().asyncExec(() -> part.error("Could not save the layout", e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void applyLayout(String name) {
        Job.create("Loading layout " + name, monitor -> {
            try {
                var layout = part.catalog().store().layouts().load(beamline(), ScanlogPart.author(), name);
                layout.ifPresent(l -> part.sync().asyncExec(() -> {
                    Map<String, Integer> widths = new LinkedHashMap<>();
                    l.columns().forEach(c -> widths.put(c.id(), c.width()));
                    part.scanTable().setSortAndFilters(
                            l.sortColumn() == null ? ScanView.Sort.NEWEST_FIRST
                                    : new ScanView.Sort(l.sortColumn(), l.ascending()),
                            l.filters());
                    part.setShownColumns(new ArrayList<>(widths.keySet()));
                    part.scanTable().setWidths(widths);
                }));
            } catch (CatalogException e) {
                part.sync().asyncExec(() -> part.error("Could not load the layout", e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}
