package org.scizoo.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Documents stored over a time: the benchmark's figure. */
record Rate(long documents, Duration time) {

    private static final long POLL_MS = 100;

    double perSecond() {
        return documents / (time.toNanos() / 1e9);
    }

    String line(String who) {
        return String.format("%-75s %9.0f datasets/s (%d in %.2f s)", who, perSecond(), documents, time.toNanos() / 1e9);
    }

    /**
     * Watches a count grow to {@code target}: the rate from the first document seen to the last, so that
     * process start-up and group joins are not counted. Polls every 100 ms (a count is cheap but not free).
     */
    static Rate watch(long target, LongSupplier count, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long firstCount = 0;
        while (true) {
            long n = count.getAsLong();
            long now = System.nanoTime();
            if (firstAt == 0 && n > 0) {
                firstAt = now;
                firstCount = n;
            }
            if (n >= target) {
                return new Rate(target - firstCount, Duration.ofNanos(Math.max(1, now - firstAt)));
            }
            if (now > deadline || !alive.getAsBoolean()) {
                throw new IllegalStateException((alive.getAsBoolean() ? "timed out" : "the writer stopped") + " at "
                        + n + " of " + target + " documents");
            }
            Thread.sleep(POLL_MS);
        }
    }
}
