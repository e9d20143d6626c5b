package org.scizoo.catalog.mongo.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How far an index build has come, told to whoever opens the catalogue (a status line, a command's stderr):
 * indexing a million scans once takes more than a minute, and "connecting…" for that long looks like a hang.
 * The build runs deep inside mongo-java-server's backend, on the opener's thread, so the listener is handed
 * down through a thread-local for the duration of the opening.
 */
final class IndexProgress {

    /** Builds smaller than this are quick; not worth a word. */
    static final long SAY_SO_FROM = 50_000;
    private static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();

    private final Consumer<String> listener;
    private final String what;
    private final long total;
    private int tenths = -1;

    private IndexProgress(Consumer<String> listener, String what, long total) {
        this.listener = listener;
        this.what = what;
        this.total = total;
    }

    /** Runs {@code opening} with {@code listener} told of the index builds it makes, on this thread. */
    static <T> T during(Consumer<String> listener, Supplier<T> opening) {
        Consumer<String> outer = LISTENER.get();
        LISTENER.set(listener);
        try {
            return opening.get();
        } finally {
            LISTENER.set(outer);
        }
    }

    /** A build of {@code total} entries ("indexing the catalogue by creationTime, once"), just starting. */
    static IndexProgress start(String what, long total) {
        Consumer<String> l = LISTENER.get();
        IndexProgress p = new IndexProgress(total < SAY_SO_FROM || l == null ? text -> { } : l, what, total);
        p.done(0);
        return p;
    }

    /** Tells the listener at each tenth of the way: at most eleven lines, from "0 %" to "100 %". */
    void done(long count) {
        int now = total == 0 ? 10 : (int) (10 * count / total);
        if (now > tenths) {
            tenths = now;
            listener.accept(what + ": " + count + " of " + total + " (" + now * 10 + " %)");
        }
    }
}
