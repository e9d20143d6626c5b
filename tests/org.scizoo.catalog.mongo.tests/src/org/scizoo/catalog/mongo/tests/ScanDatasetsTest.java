package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.tests.support.OsgiServices;

/**
 * A Scanlog selection streamed from the store: the embedded store's own file read (the process that holds
 * it) and a MongoDB cursor (a second process, or a real MongoDB) give the same datasets.
 */
class ScanDatasetsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFileAndTheCursorAgreeOnEverySelection() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore owner = provider.open(BackendSettings.embedded(dir));
                CatalogStore viaServer = provider.open(BackendSettings.embedded(dir))) {
            List<CatalogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                Dataset d = Dataset.builder().pid("20.500.12345/scan-" + i).owner("Ada").contactEmail("ada@example.org")
                        .sourceFolder("/data").size(i).numberOfFiles(1).creationTime(T0.plusSeconds(60L * i))
                        .datasetName("scan " + i).ownerGroup("g").proposalIds(List.of(i % 3 == 0 ? "A" : "B"))
                        .metadata("T01", MetadataValue.of(20.0 + i % 7, "degC")).build();
                entries.add(new CatalogEntry(d, List.of()));
            }
            owner.upsert(entries);
            for (ScanSelection s : List.of(ScanSelection.all(), ScanSelection.proposal("A"),
                    new ScanSelection("B", T0.plusSeconds(60L * 100), T0.plusSeconds(60L * 400)),
                    new ScanSelection(null, null, T0.plusSeconds(60L * 10)), ScanSelection.proposal("nobody"))) {
                Set<String> fromFile = pids(owner, s);
                assertEquals(pids(viaServer, s), fromFile, s.toString());
                long expected = entries.stream().map(CatalogEntry::dataset).filter(d -> matches(d, s)).count();
                assertEquals(expected, fromFile.size(), s.toString());
            }
            List<Dataset> one = new ArrayList<>();
            owner.scanDatasets(ScanSelection.all(), 500, one::addAll, () -> false);
            Dataset sample = one.stream().filter(d -> d.pid().endsWith("-42")).findFirst().orElseThrow();
            assertEquals(entries.get(42).dataset(), sample, "the file's document reads back as the dataset stored");
        }
    }

    private static boolean matches(Dataset d, ScanSelection s) {
        return (s.proposalId() == null || d.proposalIds().contains(s.proposalId()))
                && (s.from() == null || !d.creationTime().isBefore(s.from()))
                && (s.till() == null || d.creationTime().isBefore(s.till()));
    }

    private static Set<String> pids(CatalogStore store, ScanSelection s) throws Exception {
        Set<String> out = new TreeSet<>();
        store.scanDatasets(s, 700, batch -> batch.forEach(d -> out.add(d.pid())), () -> false);
        return out;
    }
}
