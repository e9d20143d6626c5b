package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Durations;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.scicat.Pids;

class ModelTest {

    @ParameterizedTest
    @CsvSource({ "B310A/DIA/TCO-02.temp, B310A%2FDIA%2FTCO-02%2Etemp", "$where, %24where", "T01, T01",
            "'  sample.descr ', sample%2Edescr", "sample description, sample%20description",
            "Grün (x+y), Gr%C3%BCn%20(x%2By)", "100%, 100%25" })
    void metadataKeysAreEncodedAsSciCatEncodesThem(String raw, String safe) {
        assertEquals(safe, MetadataKeys.safe(raw));
        assertTrue(MetadataKeys.isSafe(safe));
        assertEquals(raw.strip(), MetadataKeys.label(safe), "and read back as written");
    }

    @ParameterizedTest
    @CsvSource({ "B310A%2FDIA%2FTCO-02%2Etemp", "TCO-02_temp", "sample_description" })
    void keysAlreadyStoredAreKeptThoseOfSciCatAndOurOlderOnes(String stored) {
        assertEquals(stored, MetadataKeys.safe(stored));
    }

    @Test
    void unsafeKeysAreRefusedByTheDataset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleDatasets.full().toBuilder().scientificMetadata(Map.of("a.b", MetadataValue.of(1)))
                        .build());
        assertTrue(e.getMessage().contains("a.b"), e.getMessage());
    }

    @Test
    void metadataValuesAreNormalisedSoEqualitySurvivesStorage() {
        assertEquals(MetadataValue.of(5L, "s"), MetadataValue.of(5, "s"));
        assertEquals(MetadataValue.of(2.5), MetadataValue.of(2.5f));
        assertEquals(MetadataValue.of(List.of(1L, 2L)), MetadataValue.of(List.of(1, 2)));
        assertEquals(null, MetadataValue.of(1, " ").unit(), "a blank unit is no unit");
        assertThrows(IllegalArgumentException.class, () -> MetadataValue.of(new Object()));
        assertEquals("21.5 degC", MetadataValue.of(21.5, "degC").display());
    }

    @ParameterizedTest
    @CsvSource({ "500ms, 500", "10s, 10000", "2m, 120000", "1h, 3600000", "1.5s, 1500", "3, 3000" })
    void durationsAsPeopleTypeThem(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @Test
    void badDurationsSayWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertTrue(e.getMessage().contains("10s"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0s"));
    }

    @Test
    void scanPidsAreStableSoReplaysUpdateInsteadOfDuplicating() {
        Instant start = Instant.parse("2026-11-21T08:00:00Z");
        assertEquals(Pids.scanPid("20.500.1", "cosaxs", 7, start), Pids.scanPid("20.500.1", "cosaxs", 7, start));
        assertFalse(Pids.scanPid("20.500.1", "cosaxs", 7, start).equals(Pids.scanPid("20.500.1", "cosaxs", 8, start)));
        assertTrue(Pids.newPid(null).startsWith(Pids.DEFAULT_PREFIX + "/"));
    }

    @Test
    void aCatalogEntryRefusesDatablocksOfAnotherDataset() {
        Dataset d = SampleDatasets.full();
        OrigDatablock foreign = new OrigDatablock("x", "other/pid", 0, null, "g", List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> new CatalogEntry(d, List.of(foreign)));
    }
}
