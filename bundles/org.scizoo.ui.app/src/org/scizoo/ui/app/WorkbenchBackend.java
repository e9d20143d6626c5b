package org.scizoo.ui.app;

import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogService;

/**
 * Starts the workbench's catalogue session exactly once. Opening the embedded store (netty, H2, the
 * driver's handshake) takes about a second, so when the launcher sets {@code scizoo.early.start} the
 * session is started as soon as the OSGi framework is up, in parallel with the e4 model and window;
 * {@link BackendAddon} then only joins it. Without the property (tests that set their settings after the
 * framework started) the addon starts it. The addon stops it when the workbench closes.
 */
@Component(service = WorkbenchBackend.class, immediate = true)
public class WorkbenchBackend {

    public static final String EARLY_START = "scizoo.early.start";
    /** One opening or reconnection of the workbench's catalogue at a time. */
    public static final ISchedulingRule RULE = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private final CatalogService catalog;
    private CompletableFuture<Void> started;
    private volatile BackendSettings settings;

    @Activate
    public WorkbenchBackend(@Reference CatalogService catalog) {
        this.catalog = catalog;
        // Early only when no password is needed: the master-password prompt needs the workbench's display.
        if (Boolean.getBoolean(EARLY_START) && !preferences().load().needsSecrets()) {
            ensureStarted();
        }
    }

    /** The backend the user saved in the Backend dialog (the launcher's options override it). */
    public static BackendPreferences preferences() {
        return new BackendPreferences(InstanceScope.INSTANCE.getNode("org.scizoo.workbench").node("backend"),
                SecurePreferencesFactory.getDefault());
    }

    /**
     * Starts the session from the system properties unless it is running or starting; completes
     * exceptionally if it fails (a failed start is not kept: the next call tries again). The opening runs as
     * a job ("Opening the catalogue", its progress the opening's own words: "indexing … 40 %"), one at a time
     * under {@link #RULE}; cancelling it stops the opening, which gives up its long work.
     */
    public synchronized CompletableFuture<Void> ensureStarted() {
        if (started == null || started.isCompletedExceptionally()) {
            CompletableFuture<Void> starting = new CompletableFuture<>();
            started = starting;
            Job job = new Job("Opening the catalogue") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    monitor.beginTask("Opening the catalogue", IProgressMonitor.UNKNOWN);
                    AutoCloseable progress = catalog.onStatus(s -> monitor.subTask(s.detail()));
                    try {
                        WorkbenchPreferences.applyPidPrefix();
                        BackendPreferences prefs = preferences();
                        BackendPreferences.Stored stored = prefs.load();
                        WorkbenchSettings settings = WorkbenchSettings.resolve(stored, prefs.credentials(stored),
                                prefs.sciCatLogin());
                        WorkbenchBackend.this.settings = settings.backend();
                        catalog.start(settings.backend(), settings.ingest());
                        starting.complete(null);
                        return Status.OK_STATUS;
                    } catch (Exception | LinkageError e) {
                        starting.completeExceptionally(e);
                        // said by the dialog and the status line already; the job's result only records it
                        return monitor.isCanceled() ? Status.CANCEL_STATUS
                                : new Status(IStatus.INFO, "org.scizoo.ui.app", String.valueOf(e.getMessage()));
                    } finally {
                        close(progress);
                        monitor.done();
                    }
                }

                @Override
                protected void canceling() {
                    catalog.stop(); // a start that holds the catalogue's lock gives up its opening's long work
                }
            };
            job.setRule(RULE);
            job.schedule();
        }
        return started;
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            // a listener list that cannot drop one: nothing to undo
        }
    }

    /** Stops the session (flushing pending datasets); a later {@link #ensureStarted()} starts it afresh. */
    public void stop() {
        CompletableFuture<Void> running;
        synchronized (this) {
            running = started;
            started = null;
        }
        if (running != null) {
            if (!running.isDone()) {
                // A start in progress may be indexing a big catalogue, a minute's work: the catalogue's stop
                // has it give up. A start not yet begun is not stopped by that; it is waited for and stopped.
                catalog.stop();
            }
            running.handle((ok, failure) -> null).join();
        }
        catalog.stop();
    }

    /** Stops the session and starts it again with the settings as they are now (after the Backend dialog). */
    public CompletableFuture<Void> restart() {
        stop();
        return ensureStarted();
    }

    /** The backend the session was last started on (null before the first start). */
    public BackendSettings settings() {
        return settings;
    }

    public CatalogService catalog() {
        return catalog;
    }
}
