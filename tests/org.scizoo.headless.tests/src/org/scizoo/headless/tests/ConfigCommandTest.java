package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.headless.tests.CliTest.Run;

/** {@code scizoo config}: import, export, history, diff and validate a beamline's configuration. */
class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void importExportHistoryAndDiff() throws Exception {
        String data = dir.resolve("data").toString();
        Path v1 = Files.writeString(dir.resolve("cosaxs.csv"), """
                group,name,device,attribute,unit,when,enabled
                temperatures,T02,B310A-E01/DIA/TCO-02,temperature,degC,both,true
                sample,description,b310a-e/ctl/sample,descr,,start,true
                """);
        Run imported = CliTest.run("config", "import", "--beamline", "cosaxs", "--file", v1.toString(), "--author",
                "ada", "--data", data);
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("saved cosaxs version 1 (2 entries) by ada"), imported.out());

        Run exported = CliTest.run("config", "export", "--beamline", "cosaxs", "--format", "json", "--data", data);
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(exported.out().contains("\"B310A-E01/DIA/TCO-02\"") && exported.out().contains("\"version\": 1"),
                exported.out());

        // Edit the exported JSON and import it back as version 2.
        Path v2 = Files.writeString(dir.resolve("cosaxs.json"), exported.out().replace("B310A-E01/DIA/TCO-02",
                "B310A-E01/DIA/TCO-03"));
        assertEquals(0, CliTest.run("config", "import", "--beamline", "cosaxs", "--file", v2.toString(), "--author",
                "grace", "--data", data).exit());
        Run history = CliTest.run("config", "history", "--beamline", "cosaxs", "--data", data);
        assertTrue(history.out().indexOf("version 2") < history.out().indexOf("version 1"), history.out());
        assertTrue(history.out().contains("grace") && history.out().contains("ada"), history.out());
        Run diff = CliTest.run("config", "diff", "--beamline", "cosaxs", "--from", "1", "--data", data);
        assertTrue(diff.out().contains("~ T02: device B310A-E01/DIA/TCO-02 \u2192 B310A-E01/DIA/TCO-03"), diff.out());

        Run csv = CliTest.run("config", "export", "--beamline", "cosaxs", "--version", "1", "--format", "csv", "--data",
                data);
        assertTrue(csv.out().startsWith("group,name,device,attribute,unit,when,enabled"), csv.out());
        assertTrue(csv.out().contains("TCO-02"), "version 1 is kept as it was: " + csv.out());
    }

    @Test
    void anInvalidImportChangesNothingAndSaysWhy() throws Exception {
        String data = dir.resolve("data").toString();
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,device,attribute\nT01,,temperature\n");
        Run r = CliTest.run("config", "import", "--beamline", "cosaxs", "--file", bad.toString(), "--data", data);
        assertEquals(CliCommand.FAILED, r.exit());
        assertTrue(r.err().contains("line 2: device is empty"), r.err());
        Run history = CliTest.run("config", "history", "--beamline", "cosaxs", "--data", data);
        assertTrue(history.out().contains("no configuration yet"), history.out());
        Run wrongBeamline = CliTest.run("config", "import", "--beamline", "cosaxs", "--file",
                Files.writeString(dir.resolve("x.json"), "{\"instrument\": \"balder\", \"entries\": []}").toString(),
                "--data", data);
        assertEquals(CliCommand.FAILED, wrongBeamline.exit());
        assertTrue(wrongBeamline.err().contains("is for balder"), wrongBeamline.err());
        assertThrows(UsageException.class, () -> CliTest.run("config", "import", "--file", bad.toString()));
        assertThrows(UsageException.class, () -> CliTest.run("config", "frobnicate", "--beamline", "x"));
    }

    @Test
    void validateReportsAnUnreachableDeviceAsAProblemOfItsEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), """
                name,device,attribute
                ghost,tango://127.0.0.1:1/no/such/device#dbase=no,temperature
                """);
        Run r = CliTest.run("config", "validate", "--beamline", "c", "--file", file.toString(), "--timeout", "1s",
                "--data", dir.resolve("data").toString());
        assertEquals(CliCommand.FAILED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("ERROR  ghost") && r.out().contains("1 of 1 entries have a problem"), r.out());
    }
}
