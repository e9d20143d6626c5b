package org.scizoo.core.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the catalogue's datasets are counted by beside a search (SciCat's facets): their proposals,
 * instruments, techniques, type (raw, derived) and month of creation ({@code 2025-06}, UTC).
 */
public enum FacetDim {
    PROPOSAL("proposal", "Proposal"),
    INSTRUMENT("instrument", "Instrument"),
    TECHNIQUE("technique", "Technique"),
    TYPE("type", "Type"),
    TIME("time", "Month");

    private final String id;
    private final String label;

    FacetDim(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Its name in queries and on the command line ({@code proposal=20250042}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<FacetDim> of(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equalsIgnoreCase(id.strip())).findFirst();
    }
}
