package org.scizoo.catalog.scicat.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.scicat.SciCatJson;

/**
 * Writes catalogue entries through SciCat's API as its ingestor does: {@code POST /api/v4/datasets} with the
 * dataset's pid, then {@code POST /api/v4/origdatablocks} for each datablock. SciCat 4.5 has no upsert and
 * no key of ours on a datablock, so a replay is made harmless here: a dataset SciCat already has (409) gets
 * our fields again as a JSON merge patch (a scan's later version, as the MongoDB sink's {@code $set}: what
 * SciCat and its users keep there, its lifecycle and metadata keys of others, stays), and a datablock is
 * posted only when none of the dataset's has the same files. So a message delivered
 * twice, or a write cut between the dataset and its datablocks, stores each once. Reading the datablocks
 * back needs an account that may read every dataset it writes (in SciCat's {@code ADMIN_GROUPS}).
 */
final class SciCatWriter {

    /** What SciCat sets itself on a create and refuses from a client. */
    private static final List<String> SERVER_OWNED = List.of("createdAt", "createdBy", "updatedAt", "updatedBy",
            "version", "datasetlifecycle", "_id");

    private final SciCatApi api;
    private final SciCatCatalogStore reader;

    SciCatWriter(SciCatApi api, SciCatCatalogStore reader) {
        this.api = api;
        this.reader = reader;
    }

    void store(CatalogEntry entry) throws CatalogException {
        String pid = entry.dataset().pid();
        Document dataset = SciCatJson.toJsonDocument(entry.dataset());
        SERVER_OWNED.forEach(dataset::remove);
        boolean existed = api.create("/v4/datasets", dataset, pid) == SciCatApi.Created.EXISTS;
        Set<Set<String>> stored = new HashSet<>();
        if (existed) {
            Document ours = new Document(dataset);
            ours.remove("pid");
            ours.remove("type");
            api.mergePatch("/v4/datasets/" + SciCatApi.encodePath(pid), ours, pid);
            for (OrigDatablock b : reader.findDatablocks(pid)) {
                stored.add(paths(b));
            }
        }
        for (OrigDatablock b : entry.datablocks()) {
            if (stored.add(paths(b))) {
                Document block = SciCatJson.toJsonDocument(b);
                SERVER_OWNED.forEach(block::remove);
                api.create("/v4/origdatablocks", block, pid);
            }
        }
    }

    private static Set<String> paths(OrigDatablock b) {
        Set<String> paths = new HashSet<>();
        for (DataFile f : b.dataFileList()) {
            paths.add(f.path());
        }
        return paths;
    }
}
