package org.scizoo.core.ports;

import java.time.Instant;

/** What the status line shows: which catalogue, whether it answers, how much is in it and waiting. */
public record BackendStatus(State state, String backend, String detail, long datasets, long pending,
        Instant checkedAt) {

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

    public static BackendStatus stopped() {
        return new BackendStatus(State.STOPPED, "none", "not started", 0, 0, Instant.now());
    }
}
