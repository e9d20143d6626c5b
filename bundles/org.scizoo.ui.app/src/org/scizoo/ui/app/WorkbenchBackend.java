package org.scizoo.ui.app;

import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

    private final CatalogService catalog;
    private CompletableFuture<Void> started;

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
     * exceptionally if it fails (a failed start is not kept: the next call tries again).
     */
    public synchronized CompletableFuture<Void> ensureStarted() {
        if (started == null || started.isCompletedExceptionally()) {
            started = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("scizoo-catalog-start").start(() -> {
                try {
                    WorkbenchPreferences.applyPidPrefix();
                    BackendPreferences prefs = preferences();
                    BackendPreferences.Stored stored = prefs.load();
                    WorkbenchSettings settings = WorkbenchSettings.resolve(stored, prefs.credentials(stored));
                    catalog.start(settings.backend(), settings.ingest());
                    started.complete(null);
                } catch (Exception | LinkageError e) {
                    started.completeExceptionally(e);
                }
            });
        }
        return started;
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

    public CatalogService catalog() {
        return catalog;
    }
}
