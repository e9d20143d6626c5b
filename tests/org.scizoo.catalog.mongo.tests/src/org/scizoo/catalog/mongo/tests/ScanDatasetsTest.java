package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.DatasetBuilder;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.tests.support.OsgiServices;

/**
 * A Scanlog selection streamed from the store: the embedded store's own file read (the process that holds
 * it; a time window through its creationTime index) and a MongoDB cursor (a second process, or a real
 * MongoDB) give the same datasets.
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
                Dataset d = scan(i, T0.plusSeconds(60L * i)).metadata("T01", MetadataValue.of(20.0 + i % 7, "degC"))
                        .build();
                entries.add(new CatalogEntry(d, List.of()));
            }
            owner.upsert(entries);
            for (ScanSelection s : List.of(ScanSelection.all(), ScanSelection.proposal("A"),
                    new ScanSelection("B", T0.plusSeconds(60L * 100), T0.plusSeconds(60L * 400)),
                    new ScanSelection(null, null, T0.plusSeconds(60L * 10)), ScanSelection.proposal("nobody"),
                    new ScanSelection(null, T0.plusSeconds(60L * 2990), null),
                    new ScanSelection(null, T0.plusSeconds(60L * 5), null), // most of them: the file is read whole
                    new ScanSelection("A", T0.plusSeconds(60L * 3000), null))) {
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

    /**
     * {@code scizoo catalog list}'s pages, from the process holding the file and from a second process
     * attached to its server: both are the server's answer from its creationTime index, and both are the
     * order worked out here.
     */
    @Test
    void everyPageIsNewestFirstFromTheHolderAndFromAnotherProcess() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore owner = provider.open(BackendSettings.embedded(dir));
                CatalogStore viaServer = provider.open(BackendSettings.embedded(dir))) {
            List<Dataset> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                // two scans a minute (the same creationTime: their order is the pid's), in no order of pid
                int n = (i * 7919) % 2000;
                all.add(scan(n, T0.plusSeconds(60L * (n / 2))).instrumentIds(List.of(n % 5 == 0 ? "saxs" : "waxs"))
                        .build());
            }
            owner.upsert(all.stream().map(d -> new CatalogEntry(d, List.of())).toList());
            Instant middle = T0.plusSeconds(60L * 500);
            for (DatasetQuery q : List.of(DatasetQuery.newest(1), DatasetQuery.newest(25), DatasetQuery.newest(0),
                    new DatasetQuery(null, null, null, 7, 13), new DatasetQuery(null, null, null, 1990, 50),
                    new DatasetQuery("saxs", null, null, 0, 30), new DatasetQuery(null, "A", null, 3, 40),
                    new DatasetQuery("saxs", "A", middle, 0, 0), DatasetQuery.newest(0).newerThan(middle),
                    new DatasetQuery("nobody", null, null, 0, 10))) {
                List<String> expected = all.stream().filter(d -> selects(q, d))
                        .sorted(Comparator.comparing(Dataset::creationTime).thenComparing(Dataset::pid).reversed())
                        .skip(q.skip()).limit(q.limit() == 0 ? Long.MAX_VALUE : q.limit()).map(Dataset::pid).toList();
                assertEquals(expected, owner.findDatasets(q).stream().map(Dataset::pid).toList(), q.toString());
                assertEquals(expected, viaServer.findDatasets(q).stream().map(Dataset::pid).toList(), q.toString());
            }
            assertEquals(List.of("20.500.12345/scan-1999", "20.500.12345/scan-1998", "20.500.12345/scan-1997"),
                    owner.findDatasets(DatasetQuery.newest(3)).stream().map(Dataset::pid).toList());
            assertEquals(2000, owner.findDatasets(DatasetQuery.newest(0)).size());
        }
    }

    /** Scan {@code n}: every third in proposal A, the others in B. */
    private static DatasetBuilder scan(int n, Instant created) {
        return Dataset.builder().pid("20.500.12345/scan-" + n).owner("Ada").contactEmail("ada@example.org")
                .sourceFolder("/data").size(n).numberOfFiles(1).creationTime(created).datasetName("scan " + n)
                .ownerGroup("g").proposalIds(List.of(n % 3 == 0 ? "A" : "B"));
    }

    private static boolean selects(DatasetQuery q, Dataset d) {
        return (q.instrument() == null || d.instrumentIds().contains(q.instrument()))
                && (q.proposalId() == null || d.proposalIds().contains(q.proposalId()))
                && (q.newerThan() == null || d.creationTime().isAfter(q.newerThan()));
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
