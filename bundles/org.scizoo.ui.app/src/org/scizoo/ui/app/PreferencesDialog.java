package org.scizoo.ui.app;

import java.time.DateTimeException;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.scizoo.core.model.TimeZones;
import org.scizoo.core.scicat.Pids;

/**
 * Window > Preferences: the backend (its own dialog, as from the status line) and the SciCat web frontend
 * to link to, Elogy, the analyser
 * computers' time zone and the pid prefix of new datasets, and where notebooks open (Jupyter). A wrong time zone or prefix is refused with the
 * reason and the dialog stays open; what is saved applies at the next start of the catalogue session
 * (the launcher's options still win).
 */
public final class PreferencesDialog extends Dialog {

    private final Runnable editBackend;
    private Text elogyUrl;
    private Text elogyAuthor;
    private Text elogyEmail;
    private Text timeZone;
    private Text pidPrefix;
    private Text sciCatWeb;
    private Text hubUrl;
    private Text hubHome;
    private Text notebooks;
    private Text jupyterCommand;
    private Label problem;

    /** @param editBackend opens the Backend dialog (and reconnects when it is saved) */
    public PreferencesDialog(Shell parent, Runnable editBackend) {
        super(parent);
        this.editBackend = editBackend;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Preferences");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite backend = page(tabs, "Backend");
        note(backend, "Where the catalogue is: the embedded store, or a shared MongoDB and Kafka with their logins"
                + " (passwords in secure storage only).");
        Button edit = new Button(backend, SWT.PUSH);
        edit.setText("Backend…");
        edit.addListener(SWT.Selection, e -> editBackend.run());
        new Label(backend, SWT.NONE);
        sciCatWeb = field(backend, "SciCat web", WorkbenchPreferences.general().get(WorkbenchPreferences.SCICAT_WEB,
                ""), "e.g. https://scicat.example.org; empty: no links");
        note(backend, "The facility's SciCat web frontend: the Catalogue's dataset pages link to the dataset's page"
                + " there.");

        Preferences elogy = WorkbenchPreferences.elogy();
        Composite logbook = page(tabs, "Elogy");
        elogyUrl = field(logbook, "Elogy URL", elogy.get(WorkbenchPreferences.ELOGY_URL, ""),
                "e.g. http://elogy.example.org");
        elogyAuthor = field(logbook, "Your name", elogy.get(WorkbenchPreferences.ELOGY_AUTHOR, ""),
                "the entries' author");
        elogyEmail = field(logbook, "E-mail", elogy.get(WorkbenchPreferences.ELOGY_EMAIL, ""), null);

        Preferences general = WorkbenchPreferences.general();
        Composite ingestion = page(tabs, "Ingestion");
        timeZone = field(ingestion, "Time zone", general.get(WorkbenchPreferences.TIME_ZONE, ""),
                "e.g. Europe/Stockholm; empty: this computer's");
        note(ingestion, "The analyser computers' zone, for the local times Scienta SES files write without one.");
        pidPrefix = field(ingestion, "PID prefix", general.get(WorkbenchPreferences.PID_PREFIX, ""),
                "empty: 20.500.12345, the default");
        note(ingestion, "The handle prefix of the datasets this workbench records.");

        Preferences jupyter = JupyterPreferences.node();
        Composite notebook = page(tabs, "Jupyter");
        note(notebook, "Open in Jupyter writes a notebook on the chosen datasets and opens it in a JupyterHub, or"
                + " with a local Jupyter when no hub is given.");
        hubUrl = field(notebook, "JupyterHub", jupyter.get(JupyterPreferences.HUB_URL, ""),
                "e.g. https://jupyterhub.example.org; empty: a local Jupyter");
        hubHome = field(notebook, "Hub's home", jupyter.get(JupyterPreferences.HUB_HOME, ""),
                "the folder here that the hub's servers see as their root");
        notebooks = field(notebook, "Notebooks folder", jupyter.get(JupyterPreferences.FOLDER, ""),
                "empty: scizoo-notebooks in the hub's home, or in your home");
        jupyterCommand = field(notebook, "Local command", jupyter.get(JupyterPreferences.COMMAND, ""),
                "empty: jupyter lab (the notebook's path is added)");

        problem = new Label(area, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return area;
    }

    private static Composite page(TabFolder tabs, String title) {
        Composite page = new Composite(tabs, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(page);
        return page;
    }

    private static Text field(Composite parent, String label, String value, String hint) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        if (hint != null) {
            t.setMessage(hint);
        }
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 320;
        t.setLayoutData(d);
        return t;
    }

    private static void note(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        d.widthHint = 420;
        l.setLayoutData(d);
    }

    @Override
    protected void okPressed() {
        String zone = timeZone.getText().strip();
        String prefix = pidPrefix.getText().strip();
        String wrong = check(zone, prefix);
        if (wrong == null && !sciCatWeb.getText().isBlank()) {
            try {
                org.scizoo.core.scicat.SciCatWeb.frontend(sciCatWeb.getText());
            } catch (IllegalArgumentException e) {
                wrong = e.getMessage();
            }
        }
        if (wrong == null) {
            try {
                JupyterPreferences.settings(hubUrl.getText(), hubHome.getText(), notebooks.getText(),
                        jupyterCommand.getText());
            } catch (IllegalArgumentException e) {
                wrong = e.getMessage();
            }
        }
        if (wrong != null) {
            problem.setText(wrong);
            problem.getParent().layout(true);
            return;
        }
        Preferences elogy = WorkbenchPreferences.elogy();
        elogy.put(WorkbenchPreferences.ELOGY_URL, elogyUrl.getText().strip());
        elogy.put(WorkbenchPreferences.ELOGY_AUTHOR, elogyAuthor.getText().strip());
        elogy.put(WorkbenchPreferences.ELOGY_EMAIL, elogyEmail.getText().strip());
        Preferences general = WorkbenchPreferences.general();
        general.put(WorkbenchPreferences.TIME_ZONE, zone);
        general.put(WorkbenchPreferences.PID_PREFIX, prefix);
        general.put(WorkbenchPreferences.SCICAT_WEB, sciCatWeb.getText().strip());
        Preferences jupyter = JupyterPreferences.node();
        jupyter.put(JupyterPreferences.HUB_URL, hubUrl.getText().strip());
        jupyter.put(JupyterPreferences.HUB_HOME, hubHome.getText().strip());
        jupyter.put(JupyterPreferences.FOLDER, notebooks.getText().strip());
        jupyter.put(JupyterPreferences.COMMAND, jupyterCommand.getText().strip());
        try {
            elogy.flush();
            general.flush();
            jupyter.flush();
        } catch (BackingStoreException e) {
            problem.setText("The preferences could not be saved: " + e.getMessage());
            return;
        }
        super.okPressed();
    }

    /** Why a time zone or pid prefix cannot be used, or null. */
    public static String check(String zone, String prefix) {
        if (!zone.isEmpty()) {
            try {
                TimeZones.parse(zone);
            } catch (IllegalArgumentException | DateTimeException e) {
                return "Time zone: " + e.getMessage();
            }
        }
        if (!prefix.isEmpty() && !prefix.matches("[0-9]+(\\.[0-9]+)*")) {
            return "PID prefix: '" + prefix + "' is not a handle prefix (digits and dots, as 20.500.12345)";
        }
        return null;
    }

    /** Opens it; the Backend button opens the Backend dialog as the status line's does. */
    public static int open(Shell shell, WorkbenchBackend backend, org.eclipse.e4.ui.di.UISynchronize sync) {
        PreferencesDialog d = new PreferencesDialog(shell,
                () -> BackendStatusControl.editBackend(shell, backend, sync));
        return d.open();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Save", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
