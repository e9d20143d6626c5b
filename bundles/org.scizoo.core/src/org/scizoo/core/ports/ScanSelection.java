package org.scizoo.core.ports;

import java.time.Instant;

/**
 * What a Scanlog shows: one proposal's scans (or every proposal's, when {@code proposalId} is null) whose
 * {@code creationTime} lies in {@code [from, till)}; a null bound is open.
 */
public record ScanSelection(String proposalId, Instant from, Instant till) {

    public ScanSelection {
        if (from != null && till != null && !from.isBefore(till)) {
            throw new IllegalArgumentException("The time window ends (" + till + ") before it starts (" + from + ")");
        }
        proposalId = proposalId == null || proposalId.isBlank() ? null : proposalId.strip();
    }

    /** Whether {@code d} is one of the scans this selection shows. */
    public boolean contains(org.scizoo.core.model.Dataset d) {
        return (proposalId == null || d.proposalIds().contains(proposalId))
                && (from == null || !d.creationTime().isBefore(from))
                && (till == null || d.creationTime().isBefore(till));
    }

    public static ScanSelection all() {
        return new ScanSelection(null, null, null);
    }

    public static ScanSelection proposal(String proposalId) {
        return new ScanSelection(proposalId, null, null);
    }
}
