package org.scizoo.scanlog.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scizoo.scanlog.core.tests.Scans.scan;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scizoo.core.config.Csv;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.scanlog.core.CsvExport;
import org.scizoo.scanlog.core.ScanTable;

class CsvExportTest {

    @Test
    void theShownColumnsOfTheShownRowsInRfc4180() throws Exception {
        ScanTable t = new ScanTable();
        t.add(scan(1, Map.of("sample", MetadataValue.of("lysozyme, \"fresh\"\nbatch 2"), "T01",
                MetadataValue.of(21.5, "degC"))));
        t.add(scan(2, Map.of("sample", MetadataValue.of("Ångström-sized øl"), "T01", MetadataValue.of(300.0, "K"))));
        t.add(scan(3, Map.of("sample", MetadataValue.of("not exported"))));
        int[] firstTwo = { t.row("20.500.12345/scanlog-2").getAsInt(), t.row("20.500.12345/scanlog-1").getAsInt() };
        StringWriter out = new StringWriter();
        assertEquals(2, CsvExport.write(t, firstTwo, List.of("name", "sm.sample", "sm.T01"), out));

        String csv = out.toString();
        assertEquals("Name,sample,T01 [degC]\r\nscan 2,Ångström-sized øl,26.85\r\n"
                + "scan 1,\"lysozyme, \"\"fresh\"\"\nbatch 2\",21.5\r\n", csv);
        assertEquals(List.of(List.of("Name", "sample", "T01 [degC]"), List.of("scan 2", "Ångström-sized øl", "26.85"),
                List.of("scan 1", "lysozyme, \"fresh\"\nbatch 2", "21.5")), Csv.parse(csv));
    }
}
