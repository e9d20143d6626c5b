package org.scizoo.ui.app;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** The status line: which catalogue is in use, whether it answers, how many datasets, how many waiting. */
public class BackendStatusControl {

    private Label light;
    private Label text;
    private AutoCloseable subscription;

    @PostConstruct
    void create(Composite parent, CatalogService catalog, WorkbenchBackend backend, UISynchronize sync) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        layout.marginWidth = 6;
        box.setLayout(layout);
        light = new Label(box, SWT.NONE);
        text = new Label(box, SWT.NONE);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button settings = new Button(box, SWT.PUSH);
        settings.setText("&Backend…");
        settings.setData("name", "backendSettings");
        settings.setToolTipText("Choose the shared backend: MongoDB, Kafka, logins");
        settings.addListener(SWT.Selection, e -> editBackend(box.getShell(), backend, sync));
        show(catalog.status());
        subscription = catalog.onStatus(s -> sync.asyncExec(() -> show(s)));
    }

    /** The Backend dialog; saved settings reconnect at once (pending datasets are flushed first). */
    static void editBackend(Shell shell, WorkbenchBackend backend, UISynchronize sync) {
        BackendDialog dialog = new BackendDialog(shell, WorkbenchBackend.preferences());
        if (dialog.open() == Window.OK) {
            // A job of its own, without the opening's rule: it waits for the session to stop (datasets flushed),
            // then the opening job it starts takes the rule.
            Job.create("Reconnecting to the catalogue", monitor -> {
                backend.restart().whenComplete((ok, failure) -> {
                    if (failure != null) {
                        sync.asyncExec(() -> MessageDialog.openError(shell, "SciZoo: the catalogue could not be opened",
                                failure.getMessage() + "\n\nChange the settings with Backend… on the status line."));
                    }
                });
            }).schedule();
        }
    }

    private void show(BackendStatus s) {
        if (text == null || text.isDisposed()) {
            return;
        }
        Display d = text.getDisplay();
        int color = switch (s.state()) {
            // a source that is down means scans are not recorded: not green, even with the store up
            case UP -> s.sourcesDown().isEmpty() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_YELLOW;
            case CONNECTING, DEGRADED -> SWT.COLOR_DARK_YELLOW;
            case FAILED -> SWT.COLOR_RED;
            case STOPPED -> SWT.COLOR_DARK_GRAY;
        };
        light.setForeground(d.getSystemColor(color));
        light.setText("\u25CF");
        String line = format(s);
        String tip = s.sourcesDown().isEmpty() ? s.detail()
                : s.detail() + "\n\nScan sources down (their scans are not recorded until they are back):\n"
                        + String.join("\n", s.sourcesDownLines());
        // Only what changed: the status comes every few seconds, and setting the text of a tooltip that is
        // showing has GTK show it anew, so it never went away while the status kept coming.
        if (!tip.equals(text.getToolTipText())) {
            text.setToolTipText(tip);
        }
        if (!line.equals(text.getText())) {
            text.setText(line);
            text.getParent().layout(true);
            text.getParent().getParent().layout(true);
        }
    }

    /** "Catalogue: embedded /data/catalog.mv · up (ok, ping 1 ms) · 42 datasets · 0 waiting". */
    static String format(BackendStatus s) {
        String state = switch (s.state()) {
            case UP -> "up";
            case CONNECTING -> "connecting";
            case DEGRADED -> "trouble";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
        };
        StringBuilder b = new StringBuilder("Catalogue: ").append(s.backend()).append(" \u00B7 ").append(state);
        if (s.detail() != null && !s.detail().isBlank()) {
            b.append(" (").append(shorten(s.detail())).append(')');
        }
        if (s.state() == BackendStatus.State.UP || s.state() == BackendStatus.State.DEGRADED) {
            b.append(" \u00B7 ").append(s.datasets()).append(" datasets \u00B7 ").append(s.pending())
                    .append(" waiting");
        }
        if (!s.sourcesDown().isEmpty()) {
            b.append(" \u00B7 SOURCE DOWN: ").append(shorten(s.sourcesDownText()));
        }
        return b.toString();
    }

    /** At most 120 characters on the status line; the tooltip has the whole text. */
    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 117) + "…" : text;
    }

    @PreDestroy
    void dispose() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
