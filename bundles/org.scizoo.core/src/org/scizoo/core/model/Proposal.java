package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** SciCat's {@code Proposal} ({@code _id = proposalId}), as the user office (DUO) describes it. */
public record Proposal(String proposalId, String title, String piEmail, String piFirstname, String piLastname,
        String email, String ownerGroup, List<String> accessGroups, String abstractText, Instant startTime,
        Instant endTime) {

    public Proposal {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        accessGroups = accessGroups == null ? List.of() : List.copyOf(accessGroups);
    }

    public String piName() {
        return ((piFirstname == null ? "" : piFirstname) + " " + (piLastname == null ? "" : piLastname)).strip();
    }
}
