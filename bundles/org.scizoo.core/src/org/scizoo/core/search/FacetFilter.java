package org.scizoo.core.search;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Only the datasets with this value in a facet (a proposal, a month). Several on one facet: any of them; on
 * different facets: all.
 */
public record FacetFilter(FacetDim dim, String value) {

    public FacetFilter {
        Objects.requireNonNull(dim, "dim");
        value = Objects.requireNonNull(value, "value").strip();
    }

    /** {@code proposal=20250042}, as typed on the command line. */
    public static FacetFilter parse(String text) throws InvalidQueryException {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidQueryException("A facet is FACET=VALUE (" + names() + "), not '" + text + "'");
        }
        FacetDim dim = FacetDim.of(text.substring(0, eq)).orElseThrow(() -> new InvalidQueryException(
                "No facet '" + text.substring(0, eq).strip() + "': there are " + names()));
        return new FacetFilter(dim, text.substring(eq + 1));
    }

    private static String names() {
        return Arrays.stream(FacetDim.values()).map(FacetDim::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return dim.id() + "=" + value;
    }
}
