package org.scizoo.core.ports;

import java.time.Instant;

/**
 * A page of datasets, newest ({@code creationTime}) first. Null filters match everything;
 * {@code newerThan} is exclusive.
 */
public record DatasetQuery(String instrument, String proposalId, Instant newerThan, int skip, int limit) {

    public DatasetQuery {
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must not be negative");
        }
    }

    public static DatasetQuery newest(int limit) {
        return new DatasetQuery(null, null, null, 0, limit);
    }

    public DatasetQuery newerThan(Instant t) {
        return new DatasetQuery(instrument, proposalId, t, skip, limit);
    }
}
