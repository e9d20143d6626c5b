package org.scizoo.harvest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;

/** One harvest: a result per enabled entry, in configuration order, and how long it took. */
public record HarvestResult(List<EntryResult> entries, Duration took) {

    public HarvestResult {
        entries = List.copyOf(entries);
    }

    /** The successful entries as scientificMetadata, keyed by the entries' names made safe. */
    public Map<String, MetadataValue> metadata() {
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        for (EntryResult r : entries) {
            if (r.ok()) {
                m.put(MetadataKeys.safe(r.entry().name()), r.value());
            }
        }
        return m;
    }

    public List<EntryResult> failures() {
        return entries.stream().filter(r -> !r.ok()).toList();
    }
}
