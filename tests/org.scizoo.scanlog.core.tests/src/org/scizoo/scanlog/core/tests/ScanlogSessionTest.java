package org.scizoo.scanlog.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.ScanlogSession;
import org.scizoo.scanlog.core.ScanlogSession.Snapshot;
import org.scizoo.tests.support.OsgiServices;

class ScanlogSessionTest {

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Snapshot> snapshots = new LinkedBlockingQueue<>();

    private static Dataset scan(int i) {
        String proposal = i % 2 == 0 ? "20250042" : "20250043";
        return Scans.scan(i, Map.of("T01", MetadataValue.of(20.0 + i % 10, "degC"))).toBuilder()
                .proposalIds(List.of(proposal)).build();
    }

    private Snapshot await(Predicate<Snapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Snapshot s = snapshots.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && condition.test(s)) {
                return s;
            }
        }
        throw new AssertionError("no such snapshot within 30 s");
    }

    private static List<String> column(Snapshot s, String id) {
        return IntStream.of(s.rows().rows()).mapToObj(r -> s.table().column(id).text(r)).toList();
    }

    @Test
    void aProposalLoadsInTheBackgroundStaysLiveAndRecomputesOnDemand() throws Exception {
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir));
                ScanlogSession session = new ScanlogSession(snapshots::add)) {
            List<CatalogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                entries.add(new CatalogEntry(scan(i), List.of()));
            }
            store.upsert(entries);
            store.annotations().add(scan(4).pid(), Kind.RATING, "5", "ada");

            session.open(store, ScanSelection.proposal("20250042"));
            Snapshot loaded = await(s -> !s.loading());
            assertEquals(6_000, loaded.rows().size());
            assertEquals(null, loaded.error());
            assertEquals("scan 11998", column(loaded, "name").get(0), "newest first");

            session.live(List.of(scan(20_000), scan(20_001))); // only the first is of the proposal
            Snapshot live = await(s -> s.rows().size() == 6_001);
            assertEquals("scan 20000", column(live, "name").get(0));

            session.setSpec(new ScanlogSession.Spec(new ScanView.Sort("rating", false), Map.of("sm.T01", ">= 24 degC"),
                    null, List.of("name")));
            Snapshot sorted = await(s -> s.rows().size() < 6_001);
            assertEquals("scan 4", column(sorted, "name").get(0), "the rated scan first");
            assertTrue(column(sorted, "sm.T01").stream().allMatch(t -> Double.parseDouble(t) >= 24));

            session.setSpec(new ScanlogSession.Spec(null, Map.of("sm.T01", "> 3 mbar"), null, List.of("name")));
            Snapshot problem = await(s -> !s.problems().isEmpty());
            assertTrue(problem.problems().get("sm.T01").contains("mbar"));
            assertEquals(6_001, problem.rows().size(), "a filter that cannot be read filters nothing");

            session.open(store, ScanSelection.proposal("20250043"));
            Snapshot other = await(s -> !s.loading() && s.selection().proposalId().equals("20250043"));
            assertEquals(6_000, other.rows().size());
        }
    }
}
