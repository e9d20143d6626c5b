package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scizoo.core.config.InvalidConfigException;
import org.scizoo.core.config.MetadataConfigFiles;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;

class MetadataConfigFilesTest {

    static final MetadataConfig COSAXS = new MetadataConfig("cosaxs", 3, "ada", Instant.parse("2026-11-21T09:00:00Z"),
            List.of(new MetadataEntry("temperatures", "T02", "B310A-E01/DIA/TCO-02", "temperature", "degC", When.BOTH,
                    true),
                    new MetadataEntry("sample", "description", "b310a-e/ctl/sample", "descr", null, When.START, true),
                    new MetadataEntry(null, "Number images", "expchan/eiger_tr_ctrl/1", "nbimages", null, When.END,
                            false),
                    new MetadataEntry("notes", "comment, \"quoted\"", "a/b/c", "x", "", When.END, true)));

    @Test
    void jsonRoundTrips() throws Exception {
        MetadataConfig back = MetadataConfigFiles.fromJson(MetadataConfigFiles.toJson(COSAXS));
        assertEquals(COSAXS.instrument(), back.instrument());
        assertEquals(COSAXS.version(), back.version());
        assertEquals(COSAXS.savedAt(), back.savedAt());
        assertEquals(normalised(COSAXS.entries()), back.entries());
    }

    @Test
    void csvRoundTripsWithQuotesAndCommas() throws Exception {
        String csv = MetadataConfigFiles.toCsv(COSAXS);
        assertTrue(csv.startsWith("group,name,device,attribute,unit,when,enabled\r\n"), csv);
        assertTrue(csv.contains("\"comment, \"\"quoted\"\"\""), csv);
        assertEquals(normalised(COSAXS.entries()), MetadataConfigFiles.fromCsv("cosaxs", csv).entries());
    }

    @Test
    void everyProblemOfAnImportIsReportedWithItsLine() {
        String csv = """
                name,device,attribute,when
                T01,a/b/c,temperature,end
                ,a/b/c,temperature,end
                T03,,temperature,sometimes
                T01,d/e/f,t,start
                """;
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> MetadataConfigFiles.fromCsv("cosaxs", csv));
        assertEquals(List.of("line 3: name is empty", "line 4: device is empty",
                "line 4: when is 'sometimes', expected start, end or both", "two entries are named 'T01'"),
                e.problems());
    }

    @Test
    void brokenFilesAreClearErrors() {
        assertThrows(InvalidConfigException.class, () -> MetadataConfigFiles.fromJson("{\"entries\": ["));
        InvalidConfigException noInstrument = assertThrows(InvalidConfigException.class,
                () -> MetadataConfigFiles.fromJson("{\"entries\": []}"));
        assertTrue(noInstrument.getMessage().contains("instrument"), noInstrument.getMessage());
        InvalidConfigException header = assertThrows(InvalidConfigException.class,
                () -> MetadataConfigFiles.fromCsv("x", "a;b;c\n1;2;3\n"));
        assertTrue(header.getMessage().startsWith("line 1"), header.getMessage());
        assertThrows(InvalidConfigException.class, () -> MetadataConfigFiles.fromCsv("x", "name,device\n\"open"));
    }

    /** Blank units are no units once read back. */
    private static List<MetadataEntry> normalised(List<MetadataEntry> entries) {
        return entries.stream().map(e -> new MetadataEntry(e.group(), e.name(), e.device(), e.attribute(),
                e.unit() == null || e.unit().isBlank() ? null : e.unit(), e.when(), e.enabled())).toList();
    }
}
