package org.scizoo.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the status line shows: which catalogue, whether it answers, how much is in it and waiting, and
 * which scan sources are down (a Door that cannot be reached, a watched folder that is gone): scans are
 * then not recorded, even though the catalogue itself is up.
 *
 * @param sourcesDown each source that is down, by its name, with why; empty when all deliver
 */
public record BackendStatus(State state, String backend, String detail, long datasets, long pending,
        Instant checkedAt, Map<String, String> sourcesDown) {

    public enum State {
        /** Nothing started yet. */
        STOPPED,
        /** Opening the store. */
        CONNECTING,
        /** The store answers. */
        UP,
        /** Opened, but the last ping or write failed; work is kept and retried. */
        DEGRADED,
        /** Could not be opened; {@code detail} says why. */
        FAILED
    }

    public BackendStatus {
        sourcesDown = sourcesDown == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(sourcesDown));
    }

    /** A status with every source delivering. */
    public BackendStatus(State state, String backend, String detail, long datasets, long pending, Instant checkedAt) {
        this(state, backend, detail, datasets, pending, checkedAt, Map.of());
    }

    public static BackendStatus stopped() {
        return new BackendStatus(State.STOPPED, "none", "not started", 0, 0, Instant.now());
    }

    /** True when the store is in trouble or a source is down: what a health check should report. */
    public boolean trouble() {
        return state == State.DEGRADED || state == State.FAILED || !sourcesDown.isEmpty();
    }

    /** Each source that is down as "Sardana Door a/b/c: cannot subscribe …", by name. */
    public List<String> sourcesDownLines() {
        return sourcesDown.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /** {@link #sourcesDownLines()} on one line, separated by "; " (empty when no source is down). */
    public String sourcesDownText() {
        return String.join("; ", sourcesDownLines());
    }
}
