package org.scizoo.core.ports;

import java.time.Duration;

/** The answer to a store's ping: up with its round trip, or down with the reason. */
public record StoreHealth(boolean up, Duration latency, String detail) {

    public static StoreHealth up(Duration latency) {
        return new StoreHealth(true, latency, "ok");
    }

    public static StoreHealth down(String reason) {
        return new StoreHealth(false, null, reason);
    }
}
