package org.scizoo.core.model;

import java.util.List;
import java.util.Objects;

/** What one ingestion writes: a dataset and the datablocks of its files. */
public record CatalogEntry(Dataset dataset, List<OrigDatablock> datablocks) {

    public CatalogEntry {
        Objects.requireNonNull(dataset, "dataset");
        datablocks = datablocks == null ? List.of() : List.copyOf(datablocks);
        for (OrigDatablock b : datablocks) {
            if (!b.datasetId().equals(dataset.pid())) {
                throw new IllegalArgumentException("datablock " + b.id() + " belongs to " + b.datasetId()
                        + ", not to " + dataset.pid());
            }
        }
    }
}
