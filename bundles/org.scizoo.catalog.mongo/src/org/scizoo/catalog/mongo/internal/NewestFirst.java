package org.scizoo.catalog.mongo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import org.scizoo.core.ports.DatasetQuery;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A page of {@link DatasetQuery} picked from the embedded store's own file: every dataset document is read
 * once and only the page's {@code skip + limit} newest are kept, in the order the server's sort gives
 * ({@code creationTime} descending, then {@code _id} descending; a document without a date last).
 * <p>
 * Why: mongo-java-server has no index to sort by, so it sorts the whole collection in memory for every
 * page; {@code scizoo catalog list --limit 1} on a million scans had not answered after ten minutes.
 * A real MongoDB walks its {@code creationTime} index and is asked as before.
 */
final class NewestFirst {

    /** Oldest first: the head of a bounded heap is the one to drop. */
    static final Comparator<Document> OLDEST_FIRST = Comparator
            .comparingLong((Document d) -> millis(d.get("creationTime")))
            .thenComparing(d -> String.valueOf(d.get("_id")));

    private NewestFirst() {
    }

    /** @param documents the server's documents: picked before they are converted, so only the page's are */
    static List<Document> page(Iterator<Document> documents, DatasetQuery q) {
        Predicate<Document> wanted = selection(q);
        long keep = q.limit() == 0 ? Long.MAX_VALUE : (long) q.skip() + q.limit();
        PriorityQueue<Document> newest = new PriorityQueue<>(OLDEST_FIRST);
        while (documents.hasNext()) {
            Document d = documents.next();
            if (!wanted.test(d)) {
                continue;
            }
            if (newest.size() < keep) {
                newest.add(d);
            } else if (OLDEST_FIRST.compare(d, newest.peek()) > 0) {
                newest.poll();
                newest.add(d);
            }
        }
        List<Document> page = new ArrayList<>(newest);
        page.sort(OLDEST_FIRST.reversed());
        return page.subList(Math.min(q.skip(), page.size()), page.size());
    }

    /** The query's filters as the server applies them: a list field matches when it holds the value. */
    private static Predicate<Document> selection(DatasetQuery q) {
        Predicate<Document> p = d -> true;
        if (q.instrument() != null) {
            p = p.and(d -> holds(d.get("instrumentIds"), q.instrument()));
        }
        if (q.proposalId() != null) {
            p = p.and(d -> holds(d.get("proposalIds"), q.proposalId()));
        }
        if (q.newerThan() != null) {
            long after = q.newerThan().toEpochMilli();
            p = p.and(d -> millis(d.get("creationTime")) > after);
        }
        return p;
    }

    /** A date's milliseconds (the server holds dates as Instants); anything else sorts before every date. */
    private static long millis(Object date) {
        return date instanceof Instant t ? t.toEpochMilli() : Long.MIN_VALUE;
    }

    private static boolean holds(Object field, String value) {
        return field instanceof List<?> list ? list.contains(value) : value.equals(field);
    }
}
