package org.scizoo.scanlog.ui;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.scizoo.ui.app.WorkbenchPreferences;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.scanlog.core.ElogyClient;
import org.scizoo.scanlog.core.ElogyException;
import org.scizoo.scanlog.core.ElogyExport;
import org.scizoo.scanlog.core.ScanlogSession.Snapshot;

/**
 * Send selected scans to an Elogy logbook: the Elogy URL and the author are preferences (kept for next
 * time), the logbooks are listed from the server, and the entry is made in a job that reports its progress.
 */
final class ElogyDialog extends Dialog {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ScanlogPart part;
    private final Snapshot snapshot;
    private final int[] rows;
    private final List<String> columns;
    private final Preferences prefs = WorkbenchPreferences.elogy();
    private Text url;
    private Text author;
    private Text login;
    private Text email;
    private Combo logbook;
    private Text title;
    private Label status;
    private List<ElogyClient.Logbook> logbooks = List.of();

    ElogyDialog(Shell parent, ScanlogPart part, Snapshot snapshot, int[] rows, List<String> columns) {
        super(parent);
        this.part = part;
        this.snapshot = snapshot;
        this.rows = rows;
        this.columns = columns;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("SciZoo: Send " + rows.length + " scans to Elogy");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        url = field(area, "Elogy URL", prefs.get(WorkbenchPreferences.ELOGY_URL, ""),
                "e.g. http://elogy.example.org");
        Button list = new Button(area, SWT.PUSH);
        list.setText("List logbooks");
        list.addListener(SWT.Selection, e -> loadLogbooks());
        author = field(area, "Your name", prefs.get(WorkbenchPreferences.ELOGY_AUTHOR, ""),
                "shown as the entry's author");
        new Label(area, SWT.NONE);
        login = field(area, "Login", prefs.get(WorkbenchPreferences.ELOGY_LOGIN, ScanlogPart.author()), null);
        new Label(area, SWT.NONE);
        email = field(area, "E-mail", prefs.get(WorkbenchPreferences.ELOGY_EMAIL, ""), null);
        new Label(area, SWT.NONE);
        new Label(area, SWT.NONE).setText("Logbook");
        logbook = new Combo(area, SWT.READ_ONLY);
        logbook.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        String proposal = snapshot.selection().proposalId();
        title = field(area, "Title", rows.length + " scans" + (proposal == null ? "" : " of proposal " + proposal),
                null);
        new Label(area, SWT.NONE);
        status = new Label(area, SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        gd.widthHint = 480;
        status.setLayoutData(gd);
        if (!url.getText().isBlank()) {
            loadLogbooks();
        }
        return area;
    }

    private static Text field(Composite area, String label, String value, String hint) {
        new Label(area, SWT.NONE).setText(label);
        Text t = new Text(area, SWT.BORDER);
        t.setText(value == null ? "" : value);
        if (hint != null) {
            t.setMessage(hint);
        }
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    /** A client for the URL typed, or null (and the reason shown) when it is not a URL. */
    private ElogyClient client() {
        try {
            URI uri = URI.create(url.getText().strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                status.setText("Type Elogy's address, e.g. http://elogy.example.org");
                return null;
            }
            return new ElogyClient(uri, TIMEOUT);
        } catch (IllegalArgumentException e) {
            status.setText("Not a URL: " + e.getMessage());
            return null;
        }
    }

    private void loadLogbooks() {
        status.setText("Listing the logbooks…");
        ElogyClient client = client();
        if (client == null) {
            return;
        }
        Job.create("Listing Elogy's logbooks", monitor -> {
            try {
                List<ElogyClient.Logbook> found = client.logbooks();
                part.sync().asyncExec(() -> {
                    if (!logbook.isDisposed()) {
                        logbooks = found;
                        logbook.setItems(found.stream().map(ElogyClient.Logbook::path).toArray(String[]::new));
                        int last = found.stream().map(l -> l.id()).toList().indexOf(prefs.getInt("logbook", -1));
                        logbook.select(Math.max(0, last));
                        status.setText(found.isEmpty() ? "Elogy has no logbooks yet" : found.size() + " logbooks");
                    }
                });
            } catch (ElogyException e) {
                part.sync().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText(e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    @Override
    protected void okPressed() {
        int chosen = logbook.getSelectionIndex();
        if (chosen < 0 || chosen >= logbooks.size()) {
            status.setText("Choose a logbook (List logbooks reads them from Elogy)");
            return;
        }
        ElogyClient client = client();
        if (client == null) {
            return;
        }
        ElogyClient.Logbook book = logbooks.get(chosen);
        ElogyClient.Author who = new ElogyClient.Author(author.getText().strip(), login.getText().strip(),
                email.getText().strip());
        remember(book);
        String entryTitle = title.getText().strip();
        Job job = Job.create("Sending " + rows.length + " scans to Elogy (" + book.path() + ")", monitor -> {
            try {
                CatalogStore store = part.catalog().store();
                ElogyExport.Result r = ElogyExport.send(client, book.id(), entryTitle, snapshot.table(), rows, columns,
                        who, store.annotations(), monitor::subTask);
                part.sync().asyncExec(() -> part.setSummary("Elogy entry " + r.entryId() + " made in " + book.path()
                        + " with " + r.rows() + " scans and " + r.attachments() + " images"));
                return Status.OK_STATUS;
            } catch (ElogyException | org.scizoo.core.ports.CatalogException e) {
                part.sync().asyncExec(() -> part.error("Sending to Elogy failed", e.getMessage()));
                return new Status(IStatus.WARNING, "org.scizoo.scanlog.ui", e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
        super.okPressed();
    }

    private void remember(ElogyClient.Logbook book) {
        prefs.put(WorkbenchPreferences.ELOGY_URL, url.getText().strip());
        prefs.put(WorkbenchPreferences.ELOGY_AUTHOR, author.getText().strip());
        prefs.put(WorkbenchPreferences.ELOGY_LOGIN, login.getText().strip());
        prefs.put(WorkbenchPreferences.ELOGY_EMAIL, email.getText().strip());
        prefs.putInt("logbook", book.id());
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            status.setText("The Elogy settings could not be kept for next time: " + e.getMessage());
        }
    }
}
