package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.config.MetadataConfigDiff;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.OsgiServices;

/** SciDog configurations kept in the catalogue: versions, history, diffs, two writers at once. */
class MetadataConfigStoreTest {

    @TempDir
    Path dir;

    static final MetadataEntry T01 = new MetadataEntry("temperatures", "T01", "b310a-e01/dia/tco-01", "temperature",
            null, When.BOTH, true);
    static final MetadataEntry T02 = new MetadataEntry("temperatures", "T02", "b310a-e01/dia/tco-02", "temperature",
            "degC", When.END, true);
    static final MetadataEntry DESCR = new MetadataEntry("sample", "description", "b310a-e/ctl/sample", "descr", null,
            When.START, true);

    @Test
    void everySaveIsANewVersionWithAuthorAndTimeAndSurvivesARestart() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            MetadataConfig v1 = store.configs().save("cosaxs", List.of(T01, DESCR), "ada");
            MetadataConfig v2 = store.configs().save("cosaxs", List.of(T01, T02), "grace");
            store.configs().save("other", List.of(T02), "ada");
            assertEquals(1, v1.version());
            assertEquals(2, v2.version());
            assertEquals("grace", v2.author());
            assertTrue(!v2.savedAt().isBefore(v1.savedAt()));
        }
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            MetadataConfig current = store.configs().current("cosaxs").orElseThrow();
            assertEquals(2, current.version());
            assertEquals(List.of(T01, T02), current.entries());
            assertEquals(List.of(2, 1),
                    store.configs().history("cosaxs").stream().map(MetadataConfig::version).toList());
            MetadataConfig v1 = store.configs().version("cosaxs", 1).orElseThrow();
            MetadataConfigDiff d = MetadataConfigDiff.between(v1, current);
            assertEquals(List.of(T02), d.added());
            assertEquals(List.of(DESCR), d.removed());
            assertTrue(store.configs().current("nobody").isEmpty());
        }
    }

    @Test
    void anInvalidConfigurationIsNotSaved() throws Exception {
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir))) {
            MetadataEntry sameName = new MetadataEntry("x", "T01", "a/b/c", "temperature", null, When.END, true);
            CatalogException e = assertThrows(CatalogException.class,
                    () -> store.configs().save("cosaxs", List.of(T01, sameName), "ada"));
            assertTrue(e.getMessage().contains("T01"), e.getMessage());
            assertTrue(store.configs().history("cosaxs").isEmpty(), "nothing stored");
        }
    }

    @Test
    void twoWorkbenchesSavingAtOnceGetDifferentVersions() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore first = provider.open(BackendSettings.embedded(dir));
                CatalogStore second = provider.open(BackendSettings.embedded(dir))) {
            List<Callable<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                CatalogStore s = i % 2 == 0 ? first : second;
                saves.add(() -> s.configs().save("cosaxs", List.of(T01), "staff").version());
            }
            Set<Integer> versions = new HashSet<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (Future<Integer> f : pool.invokeAll(saves)) {
                    versions.add(f.get());
                }
            }
            // every save succeeds, under contention from 7 others, with its own version
            assertEquals(IntStream.rangeClosed(1, 16).boxed().collect(Collectors.toSet()), versions);
            assertEquals(16, first.configs().history("cosaxs").size());
        }
    }
}
