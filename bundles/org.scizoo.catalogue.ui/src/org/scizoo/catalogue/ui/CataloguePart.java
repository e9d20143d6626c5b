package org.scizoo.catalogue.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;
import org.scizoo.search.LiveSearch;
import org.scizoo.ui.app.WorkbenchBackend;
import org.scizoo.ui.app.WorkbenchPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Catalogue: words and conditions typed as a user types them ({@code T01 > 300 K; energy 12..13 keV}),
 * the hits ranked by relevance in a table, and the selected dataset's page. Searches run in a job through
 * the session's {@link LiveSearch}: our index, kept in step with what the session stores, or SciCat's own
 * query on a SciCat backend. Beside the hits, the facets ({@link FacetPanel}) narrow them; the conditions
 * field suggests keys and units ({@link ConditionProposals}), and condition rows ({@link ConditionRows}) are
 * there for picking them. A condition that cannot be compared is said in red; the last hits stay. The buttons
 * under the hits are {@link DatasetActions}.
 */
public class CataloguePart {

    /** The most hits a search shows (a page; the count says how many there are). */
    static final int PAGE = 200;
    private static final char[] AUTO_ACTIVATION = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_ "
            .toCharArray();

    @Inject
    private WorkbenchBackend backend;
    @Inject
    private UISynchronize sync;
    @Inject
    private ECommandService commands;
    @Inject
    private EHandlerService handlers;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private DatasetSearchProvider engine;

    private LiveSearch live;
    private Text words;
    private Text conditions;
    private Label summary;
    private ResultsTable results;
    private FacetPanel facets;
    private final ConditionProposals proposals = new ConditionProposals();
    private ConditionRows rows;
    private DatasetActions act;
    private DatasetPage page;
    private String shownPid;
    /** Searches asked for so far (the UI thread's): only the latest one's answer is shown. */
    private int searches;

    @PostConstruct
    void create(Composite parent) {
        org.scizoo.ui.app.EclipseCollectionsInOsgi.initialise();
        live = new LiveSearch(backend.catalog(), engine);
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("&Words");
        words = new Text(bar, SWT.BORDER | SWT.SEARCH);
        words.setMessage("lysozyme buffer");
        words.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Con&ditions");
        conditions = new Text(bar, SWT.BORDER);
        conditions.setMessage("T01 > 300 K; energy 12..13 keV");
        conditions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        conditions.setToolTipText("Ctrl+Space suggests the metadata keys and their units");
        suggest(conditions);
        Button go = new Button(bar, SWT.PUSH);
        go.setText("&Search");
        go.addListener(SWT.Selection, e -> search());
        Button more = new Button(bar, SWT.PUSH);
        more.setText("&Add condition");
        more.setToolTipText("A condition row: pick a key, an operator, a value and a unit");
        rows = new ConditionRows(parent, this::search);
        more.addListener(SWT.Selection, e -> rows.add());
        words.addListener(SWT.DefaultSelection, e -> search());
        conditions.addListener(SWT.DefaultSelection, e -> search());
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Type words and/or conditions, then Enter. Conditions: KEY OP NUMBER [UNIT] or KEY A..B [UNIT],"
                + " joined by ';', compared in SI units.");

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm beside = new SashForm(split, SWT.HORIZONTAL);
        facets = new FacetPanel(beside, picked -> search());
        results = new ResultsTable(beside, hit -> showPage(hit.pid()));
        beside.setWeights(22, 78);
        Composite lower = new Composite(split, SWT.NONE);
        lower.setLayout(new GridLayout(1, false));
        Composite actions = new Composite(lower, SWT.NONE);
        actions.setLayout(new GridLayout(5, false));
        act = new DatasetActions(commands, handlers, sync, backend, new DatasetActions.Line() {
            @Override
            public void say(String text) {
                setSummary(text);
            }

            @Override
            public void problem(String text) {
                CataloguePart.this.problem(text);
            }
        });
        button(actions, "Copy &PID", () -> act.copyPids(parent.getShell(), results.selectedPids()));
        button(actions, "Show in Scan&log", this::showInScanlog);
        button(actions, "Open in &Jupyter", () -> act.openInJupyter(parent.getShell(), results.selectedPids()));
        button(actions, "Open data file in the &HDF5 inspector", () -> act.openFiles(page.paths()));
        button(actions, "Copy file paths", () -> act.copy(parent.getShell(), String.join("\n", page.paths()),
                "file paths"));
        page = new DatasetPage(lower, WorkbenchPreferences::sciCatWeb);
        split.setWeights(45, 55);
    }

    private void suggest(Text field) {
        try {
            ContentProposalAdapter adapter = new ContentProposalAdapter(field, new TextContentAdapter(), proposals,
                    KeyStroke.getInstance("Ctrl+Space"), AUTO_ACTIVATION);
            adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_INSERT);
        } catch (ParseException e) {
            throw new IllegalStateException(e); // a constant key stroke
        }
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    @Focus
    void focus() {
        words.setFocus();
    }

    /** Searches for what is typed (tests call it as Enter does). */
    public void search() {
        int mine = ++searches; // an earlier search still running no longer shows its answer
        List<Criterion> parsed = new ArrayList<>();
        for (String typed : conditions.getText().split(";")) {
            if (typed.isBlank()) {
                continue;
            }
            try {
                parsed.add(ParamConditions.parse(typed.strip()));
            } catch (InvalidQueryException e) {
                problem(e.getMessage());
                return;
            }
        }
        try {
            parsed.addAll(rows.conditions());
        } catch (InvalidQueryException e) {
            problem(e.getMessage());
            return;
        }
        SearchQuery query;
        try {
            query = new SearchQuery(words.getText(), parsed, facets.filters(), true, PAGE, 0);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return;
        }
        BackendSettings settings = backend.settings();
        if (settings == null) {
            problem("The catalogue is not open yet");
            return;
        }
        summary.setForeground(null);
        summary.setText("Searching…");
        Job job = Job.create("Searching the catalogue", monitor -> {
            long t0 = System.nanoTime();
            try {
                SearchResults found = live.search(query, settings.searchIndexDir(),
                        p -> sync.asyncExec(() -> setSummary(p)));
                double ms = (System.nanoTime() - t0) / 1e6;
                var keys = live.numericKeys(settings.searchIndexDir(), p -> {
                });
                proposals.keys(keys);
                sync.asyncExec(() -> {
                    if (mine == searches && !summary.isDisposed()) {
                        rows.keys(keys);
                        shown(found, ms);
                    }
                });
            } catch (InvalidQueryException | CatalogException e) {
                sync.asyncExec(() -> {
                    if (mine == searches) {
                        problem(e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void shown(SearchResults found, double ms) {
        if (summary.isDisposed()) {
            return;
        }
        results.show(found.hits());
        facets.show(found.facets());
        setSummary(found.hits().size() + " of " + found.total() + " datasets found ("
                + Math.round(ms) + " ms)"
                + (found.total() > found.hits().size() ? "; the best " + PAGE + " shown" : ""));
        if (!found.hits().isEmpty()) {
            results.select(0);
        }
    }

    private void showPage(String pid) {
        if (pid.equals(shownPid)) {
            return;
        }
        shownPid = pid;
        Job.create("Reading " + pid, monitor -> {
            try {
                CatalogStore store = backend.catalog().store();
                Dataset d = store.findDataset(pid).orElseThrow(() -> new CatalogException(pid + " is not in the"
                        + " catalogue (or no longer yours)"));
                DatasetPage.Content c = new DatasetPage.Content(d, store.findDatablocks(pid),
                        store.annotations().history(pid), store.findLifecycle(pid));
                sync.asyncExec(() -> {
                    if (!summary.isDisposed() && pid.equals(shownPid)) {
                        page.show(c);
                    }
                });
            } catch (CatalogException e) {
                sync.asyncExec(() -> problem(e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The page's dataset (the Scanlog's *Show in catalogue*, and tests): its page, whatever the hits are. */
    public void showDataset(String pid) {
        shownPid = null;
        showPage(pid);
        setSummary("The page of " + pid);
    }

    /** The page's dataset selected in the Scanlog, where one is installed. */
    public void showInScanlog() {
        act.showInScanlog(shownPid);
    }

    /** The pid whose page is shown (or being read), or null. */
    public String shownPid() {
        return shownPid;
    }

    private void setSummary(String text) {
        if (!summary.isDisposed()) {
            summary.setForeground(null);
            summary.setText(text);
            summary.getParent().layout(new org.eclipse.swt.widgets.Control[] { summary });
        }
    }

    private void problem(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
            summary.setForeground(summary.getDisplay().getSystemColor(SWT.COLOR_RED));
            summary.getParent().layout(new org.eclipse.swt.widgets.Control[] { summary });
        }
    }

    /** For tests: the facets' values shown ("proposal=p1 (3)", checked ones with '*'), and a click on one. */
    public List<String> facetLines() {
        return facets.lines();
    }

    public void pickFacet(FacetFilter f, boolean on) {
        facets.pick(f, on);
    }

    /** For tests: what the conditions field suggests for {@code typed} with the cursor at its end. */
    public List<String> suggestions(String typed) {
        return java.util.Arrays.stream(proposals.getProposals(typed, typed.length())).map(p -> p.getContent())
                .toList();
    }

    /** For tests: the hits shown, the summary line and the page. */
    public List<SearchHit> hits() {
        return results.shown();
    }

    public String summary() {
        return summary.getText();
    }

    public void type(String typedWords, String typedConditions) {
        words.setText(typedWords);
        conditions.setText(typedConditions);
    }

    /** For tests: a condition row filled in ({@code op} as typed: ">", "..", "in"), and all rows removed. */
    public void addConditionRow(String key, String op, String value, String unit) {
        rows.add(key, op, value, unit);
    }

    public void clearConditionRows() {
        rows.clear();
    }

    /** For tests: the page's Lifecycle tab as "field=value", and its link to the SciCat web frontend (or null). */
    public List<String> lifecycleLines() {
        return page.lifecycleLines();
    }

    public java.net.URI webPage() {
        return page.webPage();
    }

    /** The page's Details as "field=value unit" lines, and its files' paths; empty before a page is shown. */
    public List<String> pageLines() {
        List<String> lines = new ArrayList<>();
        for (org.eclipse.swt.widgets.TreeItem top : page.details().getItems()) {
            for (org.eclipse.swt.widgets.TreeItem i : top.getItems()) {
                lines.add(i.getText(0) + "=" + i.getText(1) + (i.getText(2).isEmpty() ? "" : " " + i.getText(2)));
                for (org.eclipse.swt.widgets.TreeItem g : i.getItems()) {
                    lines.add(g.getText(0) + "=" + g.getText(1) + (g.getText(2).isEmpty() ? "" : " " + g.getText(2)));
                }
            }
        }
        lines.addAll(page.paths());
        return lines;
    }

    @PreDestroy
    void dispose() {
        if (live != null) {
            live.close();
        }
    }
}
