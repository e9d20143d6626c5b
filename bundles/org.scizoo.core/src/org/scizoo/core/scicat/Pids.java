package org.scizoo.core.scicat;

import java.util.UUID;

/** SciCat persistent identifiers: {@code <prefix>/<uuid>}, e.g. {@code 20.500.14080/…}. */
public final class Pids {

    /** The default prefix when none is configured (the one in SciCat's examples). */
    public static final String DEFAULT_PREFIX = "20.500.12345";

    private Pids() {
    }

    public static String newPid(String prefix) {
        return (prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix) + "/" + UUID.randomUUID();
    }

    /**
     * A pid that is the same every time for the same instrument and scan: re-ingesting a scan (a retry,
     * a replayed event) then updates the dataset instead of adding a second one.
     */
    public static String scanPid(String prefix, String instrument, long scanId, java.time.Instant start) {
        String name = instrument + "/" + scanId + "/" + (start == null ? "" : start.toEpochMilli());
        return (prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix) + "/"
                + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
