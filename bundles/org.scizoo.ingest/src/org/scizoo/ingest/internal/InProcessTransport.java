package org.scizoo.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.MetadataTransport;

/**
 * The embedded default's transport: a queue in memory drained by one writer thread into the store in
 * bulk. {@link #publish} never blocks on I/O. When a write fails the batch stays at the head of the queue
 * and is retried, so a store that is briefly away loses nothing while the process runs (the durable,
 * cross-restart outbox is the Kafka transport's job).
 */
final class InProcessTransport implements MetadataTransport {

    static final int MAX_BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final CatalogStore store;
    private final Consumer<List<CatalogEntry>> onStored;
    private final Consumer<CatalogException> onFailure;
    private final LinkedBlockingDeque<CatalogEntry> queue = new LinkedBlockingDeque<>();
    private final Thread writer;
    private volatile boolean closing;
    private volatile int inFlight;

    InProcessTransport(CatalogStore store, Consumer<List<CatalogEntry>> onStored,
            Consumer<CatalogException> onFailure) {
        this.store = store;
        this.onStored = onStored;
        this.onFailure = onFailure;
        this.writer = Thread.ofPlatform().daemon().name("scizoo-catalog-writer").start(this::run);
    }

    @Override
    public void publish(CatalogEntry entry) throws CatalogException {
        if (closing) {
            throw new CatalogException("The catalogue session is closing; " + entry.dataset().pid() + " not accepted");
        }
        queue.add(entry);
    }

    @Override
    public long pending() {
        return queue.size() + (long) inFlight;
    }

    @Override
    public String describe() {
        return "in-process";
    }

    private void run() {
        List<CatalogEntry> batch = new ArrayList<>();
        while (true) {
            try {
                CatalogEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                inFlight = batch.size();
                if (write(batch)) {
                    inFlight = 0;
                    notifyStored(batch);
                    batch.clear();
                } else {
                    // keep order: put the batch back at the head, wait, try again
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        queue.addFirst(batch.get(i));
                    }
                    batch.clear();
                    inFlight = 0;
                    if (closing) {
                        return;
                    }
                    Thread.sleep(RETRY.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean write(List<CatalogEntry> batch) {
        try {
            store.upsert(batch);
            return true;
        } catch (CatalogException e) {
            onFailure.accept(e);
        } catch (RuntimeException e) {
            onFailure.accept(new CatalogException("Unexpected failure writing to the catalogue: " + e, e));
        }
        return false;
    }

    private void notifyStored(List<CatalogEntry> batch) {
        try {
            onStored.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            // a listener's bug must not make us write the batch again
            System.getLogger(getClass().getName()).log(System.Logger.Level.ERROR, "dataset listener failed", e);
        }
    }

    /** Waits up to {@code timeout} for what is queued to be written, then stops the writer. */
    boolean flushAndClose(Duration timeout) {
        closing = true;
        try {
            writer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pending() == 0;
    }

    @Override
    public void close() {
        flushAndClose(Duration.ofSeconds(5));
    }
}
