package org.scizoo.catalog.scicat.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.Document;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.scicat.SciCatDocuments;

/**
 * New datasets through SciCat, which has no push: a poll every second counts the datasets whose {@code updatedAt}
 * is at or after the newest one seen, as the user's token may see them, and reads that many, newest first
 * (SciCat's v4 list cannot compare times, its count can: {@link SciCatCatalogStore#list}). {@code updatedAt} rather than
 * {@code creationTime}, since a dataset can be stored long after its scan (an outbox drained after an outage)
 * and every writer of SciCat's documents sets it on each write, ours included. The cursor is taken from the
 * answers, never from this machine's clock; a second of overlap catches writers whose clocks are slightly
 * behind, and what was already delivered in it is not delivered again.
 */
final class SciCatLiveFeed implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(Long.getLong("scizoo.scicat.poll.ms", 1000));
    private static final Duration OVERLAP = Duration.ofSeconds(1);
    private static final int PAGE = 1000;
    /** Pages one poll may read before it lets the next poll go on: a flood is caught up over a few seconds. */
    private static final int MAX_PAGES = 20;
    /** Read a few more than counted: one stored between the count and the read pushes the oldest one down. */
    private static final int SLACK = 20;

    private final SciCatCatalogStore catalog;
    private final Consumer<List<Dataset>> stored;
    private final Consumer<String> problems;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("scizoo-scicat-live").unstarted(r));
    /** The newest {@code updatedAt} seen; null until SciCat has been asked once. */
    private Instant cursor;
    /** What was delivered within the overlap: pid → its updatedAt. */
    private final Map<String, Instant> recent = new HashMap<>();
    private String lastProblem;

    SciCatLiveFeed(SciCatCatalogStore catalog, Consumer<List<Dataset>> stored, Consumer<String> problems) {
        this.catalog = catalog;
        this.stored = stored;
        this.problems = problems;
    }

    SciCatLiveFeed start() {
        poller.scheduleWithFixedDelay(this::pollSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollSafely() {
        try {
            report(poll());
        } catch (CatalogException e) {
            report(e.getMessage());
        } catch (RuntimeException e) {
            report("reading SciCat's new datasets failed: " + e);
        }
    }

    private void report(String problem) {
        if (!Objects.equals(problem, lastProblem)) {
            lastProblem = problem;
            problems.accept(problem);
        }
    }

    /** @return why some datasets could not be shown, or null */
    private String poll() throws CatalogException {
        if (cursor == null) {
            cursor = newest();
            return null; // from now on: what is there already is the Scanlog's load
        }
        // how many there are since then, counted (a count compares times), read newest first
        long since = catalog.count(new Document("updatedAt", new Document("$gte", cursor.minus(OVERLAP)
                .toString()))) + SLACK;
        List<Dataset> fresh = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Document newestFirst = new Document("updatedAt", "desc").append("pid", "asc");
        for (long skip = 0; skip < Math.min(since, (long) PAGE * MAX_PAGES); skip += PAGE) {
            List<Document> docs = catalog.list(new Document(), (int) Math.min(PAGE, since - skip), skip, newestFirst);
            for (Document d : docs) {
                take(d, fresh, unreadable);
            }
            if (docs.size() < PAGE) {
                break;
            }
        }
        Instant keepFrom = cursor.minus(OVERLAP);
        recent.values().removeIf(t -> t.isBefore(keepFrom));
        if (!fresh.isEmpty()) {
            stored.accept(fresh);
        }
        if (since > (long) PAGE * MAX_PAGES) {
            return (since - SLACK) + " datasets changed in SciCat within a second: the Scanlog shows the newest "
                    + PAGE * MAX_PAGES + "; open the selection again for all";
        }
        return unreadable.isEmpty() ? null
                : "SciCat's new dataset(s) " + String.join(", ", unreadable) + " are not ones SciZoo can read";
    }

    private void take(Document d, List<Dataset> fresh, List<String> unreadable) {
        Instant updated = instant(d.get("updatedAt"));
        String pid = d.getString("pid");
        if (updated == null || pid == null || updated.equals(recent.get(pid))) {
            return;
        }
        recent.put(pid, updated);
        if (updated.isAfter(cursor)) {
            cursor = updated;
        }
        try {
            fresh.add(SciCatDocuments.dataset(d));
        } catch (RuntimeException e) {
            unreadable.add(pid + " (" + e.getMessage() + ")");
        }
    }

    /** The newest updatedAt there is, or the epoch for an empty catalogue. */
    private Instant newest() throws CatalogException {
        List<Document> docs = catalog.list(new Document(), 1, 0, new Document("updatedAt", "desc"));
        Instant t = docs.isEmpty() ? null : instant(docs.get(0).get("updatedAt"));
        return t != null ? t : Instant.EPOCH;
    }

    private static Instant instant(Object v) {
        if (v instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (v instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
