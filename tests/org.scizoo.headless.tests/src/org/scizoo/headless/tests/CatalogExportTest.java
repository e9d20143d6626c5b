package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scizoo.headless.tests.CliTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.config.Csv;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.headless.UsageException;
import org.scizoo.tests.support.OsgiServices;

/** {@code scizoo catalog export --csv}: the Scanlog's CSV from the command line. */
class CatalogExportTest {

    @TempDir
    Path data;

    private void store(int n) throws Exception {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dataset d = Dataset.builder().pid("20.500.12345/export-" + i).owner("Ada").contactEmail("ada@example.org")
                    .sourceFolder("/data").size(i).numberOfFiles(1)
                    .creationTime(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(3600L * i))
                    .datasetName("scan " + i).ownerGroup("g").proposalIds(List.of(i % 2 == 0 ? "P1" : "P2"))
                    .metadata("T01", i == 3 ? MetadataValue.of(300.15, "K") : MetadataValue.of(20.0 + i, "degC"))
                    .metadata("sample", MetadataValue.of("buffer, \"" + i + "\"")).build();
            entries.add(new CatalogEntry(d, List.of()));
        }
        try (CatalogStore s = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            s.upsert(entries);
        }
    }

    @Test
    void aProposalsFilteredSortedScansAsCsv() throws Exception {
        store(10);
        Path csv = data.resolve("out.csv");
        CliTest.Run r = run("catalog", "export", "--csv", csv.toString(), "--data", data.toString(), "--proposal",
                "P1", "--columns", "name,sm.T01,sm.sample", "--filter", "sm.T01=>= 295 K", "--sort", "sm.T01:desc");
        assertEquals(0, r.exit(), r.err());
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(List.of("Name", "T01 [degC]", "sample"), rows.get(0));
        // P1 = even scans; T01 >= 295 K = 21.85 degC: scans 2 (22), 4, 6, 8 (28); descending
        assertEquals(List.of("scan 8", "scan 6", "scan 4", "scan 2"), rows.subList(1, rows.size()).stream()
                .map(x -> x.get(0)).toList());
        assertEquals("buffer, \"8\"", rows.get(1).get(2));
        assertTrue(r.err().contains("exported 4 of 5 scans"), r.err());
    }

    @Test
    void aTimeWindowAndStandardOutput() throws Exception {
        store(10);
        CliTest.Run r = run("catalog", "export", "--csv", "-", "--data", data.toString(), "--from",
                "2026-11-20 12:00", "--till", "2026-11-20 14:59", "--columns", "name,sm.T01");
        assertEquals(0, r.exit(), r.err());
        // 12:00 to 14:59:59 UTC in the local zone of the test JVM; by default the JVM here runs in UTC
        if (java.time.ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds() == 0) {
            assertEquals("Name,T01 [degC]\r\nscan 4,24\r\nscan 3,27\r\nscan 2,22\r\n", r.out());
        } else {
            assertTrue(r.out().startsWith("Name,T01 [degC]\r\n"), r.out());
        }
    }

    @Test
    void wrongColumnsFiltersAndTimesAreUsageErrorsThatSayWhy() throws Exception {
        store(2);
        String dir = data.toString();
        UsageException column = assertThrows(UsageException.class,
                () -> run("catalog", "export", "--csv", "-", "--data", dir, "--columns", "name,sm.nope"));
        assertTrue(column.getMessage().contains("sm.nope") && column.getMessage().contains("sm.T01"),
                column.getMessage());
        UsageException unit = assertThrows(UsageException.class,
                () -> run("catalog", "export", "--csv", "-", "--data", dir, "--filter", "sm.T01=> 3 mbar"));
        assertTrue(unit.getMessage().contains("mbar"), unit.getMessage());
        assertThrows(UsageException.class,
                () -> run("catalog", "export", "--csv", "-", "--data", dir, "--from", "soon"));
        assertThrows(UsageException.class, () -> run("catalog", "export", "--data", dir));
    }
}
