package org.scizoo.core.search;

/** How many of a search's datasets have this value in a facet. */
public record FacetCount(String value, long count) {
}
