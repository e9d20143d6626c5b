package org.scizoo.core.search;

import java.time.Instant;

/** A dataset found: its pid, its relevance in [0, 1] (1 for the best of this query), its name and time. */
public record SearchHit(String pid, double score, String datasetName, Instant creationTime) {
}
