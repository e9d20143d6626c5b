package org.scizoo.headless.internal;

import java.time.Duration;

/** How long a service command runs: for its --duration, or until it is stopped (null duration). */
final class RunFor {

    private final long start = System.nanoTime();
    private final Duration duration;

    RunFor(Duration duration) {
        this.duration = duration;
    }

    boolean over() {
        return duration != null && System.nanoTime() - start >= duration.toNanos();
    }

    /** Milliseconds to wait before the next status line: {@code every}, or less when the duration ends sooner. */
    long nextWaitMillis(Duration every) {
        if (duration == null) {
            return Math.max(1, every.toMillis());
        }
        long left = (duration.toNanos() - (System.nanoTime() - start)) / 1_000_000;
        return Math.max(1, Math.min(every.toMillis(), left));
    }
}
