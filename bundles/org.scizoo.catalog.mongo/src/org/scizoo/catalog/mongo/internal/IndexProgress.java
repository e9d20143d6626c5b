package org.scizoo.catalog.mongo.internal;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How far an index build has come, told to whoever opens the catalogue (a status line, a command's stderr):
 * indexing a million scans once takes more than a minute, and "connecting…" for that long looks like a hang.
 * The build runs deep inside mongo-java-server's backend, on the opener's thread, so the listener is handed
 * down through a thread-local for the duration of the opening, with a question the build asks as it goes:
 * whether a stop was asked for (the workbench closed, the service told to stop). Then it gives up with a
 * {@link CancellationException}, rather than hold the closing for the minute the build still needs; every
 * build starts afresh at the next opening. A stop cannot interrupt the thread instead: an interrupt closes
 * H2's file channel.
 */
final class IndexProgress {

    /** Builds smaller than this are quick; not worth a word. */
    static final long SAY_SO_FROM = 50_000;
    /** How many entries between two looks at whether a stop was asked for. */
    private static final int LOOK_EVERY = 1024;
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private record Opening(Consumer<String> listener, BooleanSupplier stopAsked) {
    }

    private final Consumer<String> listener;
    private final BooleanSupplier stopAsked;
    private final String what;
    private final long total;
    private int tenths = -1;

    private IndexProgress(Consumer<String> listener, BooleanSupplier stopAsked, String what, long total) {
        this.listener = listener;
        this.stopAsked = stopAsked;
        this.what = what;
        this.total = total;
    }

    /**
     * Runs {@code opening} with {@code listener} told of the index builds it makes, on this thread, and the
     * builds given up when {@code stopAsked} says so.
     */
    static <T> T during(Consumer<String> listener, BooleanSupplier stopAsked, Supplier<T> opening) {
        Opening outer = OPENING.get();
        OPENING.set(new Opening(listener, stopAsked));
        try {
            return opening.get();
        } finally {
            OPENING.set(outer);
        }
    }

    /** A build of {@code total} entries ("indexing the catalogue by creationTime, once"), just starting. */
    static IndexProgress start(String what, long total) {
        Opening o = OPENING.get() != null ? OPENING.get() : new Opening(text -> {}, () -> false);
        IndexProgress p = new IndexProgress(total < SAY_SO_FROM ? text -> {} : o.listener(), o.stopAsked(), what,
                total);
        p.done(0);
        return p;
    }

    /**
     * Tells the listener at each tenth of the way: at most eleven lines, from "0 %" to "100 %".
     *
     * @throws CancellationException when a stop was asked for: the build is to be given up
     */
    void done(long count) {
        if (count % LOOK_EVERY == 0 && stopAsked.getAsBoolean()) {
            throw new CancellationException(what + ": stopped at " + count + " of " + total);
        }
        int now = total == 0 ? 10 : (int) (10 * count / total);
        if (now > tenths) {
            tenths = now;
            listener.accept(what + ": " + count + " of " + total + " (" + now * 10 + " %)");
        }
    }
}
