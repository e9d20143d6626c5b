package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.headless.internal.CliApplication;
import org.scizoo.tests.support.ArgsApplicationContext;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SharedData;

/** The scizoo commands as registered OSGi services, run against a real embedded catalogue. */
class CliTest {

    @TempDir
    Path data;

    record Run(int exit, String out, String err) {
    }

    static CliCommand command(String name) throws InterruptedException {
        return OsgiServices.get(CliCommand.class, c -> c.name().equals(name));
    }

    static Run run(String name, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command(name).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ingestRunsTheSimulatedBeamlineIntoTheStoreAndCatalogListShowsIt() throws Exception {
        Run ingest = run("ingest", "--sim", "--sim-interval", "200ms", "--duration", "2s", "--data", data.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        Matcher m = Pattern.compile("stored (\\d+) datasets").matcher(ingest.out());
        assertTrue(m.find(), ingest.out());
        int stored = Integer.parseInt(m.group(1));
        assertTrue(stored >= 2, "a scan every 200 ms for 2 s stores several, got " + stored);

        Run list = run("catalog", "list", "--data", data.toString(), "--all");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith(stored + " of " + stored + " datasets"), list.out());
        assertTrue(list.out().contains("T01") && list.out().contains("degC"), list.out());

        Run json = run("catalog", "list", "--json", "--limit", "1", "--data", data.toString());
        assertEquals(0, json.exit(), json.err());
        List<?> docs = Document.parse("{\"a\": " + json.out() + "}").getList("a", Object.class);
        assertEquals(1, docs.size());
        Document d = (Document) docs.get(0);
        for (String field : List.of("pid", "datasetName", "creationTime", "scientificMetadata", "owner",
                "contactEmail", "sourceFolder", "type", "ownerGroup")) {
            assertTrue(d.containsKey(field), "JSON has " + field + ": " + d.toJson());
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        UsageException unknown = assertThrows(UsageException.class,
                () -> run("catalog", "list", "--bogus", "--data", data.toString()));
        assertTrue(unknown.getMessage().contains("--bogus"), unknown.getMessage());
        assertThrows(UsageException.class, () -> run("catalog", "list", "--limit", "many"));
        assertThrows(UsageException.class, () -> run("catalog", "list", "--limit", "0"));
        assertThrows(UsageException.class, () -> run("catalog", "drop"));
        assertThrows(UsageException.class, () -> run("ingest", "--duration", "1s"));
        for (List<String> command : List.of(List.of("ingest", "--sim"), List.of("consume"))) {
            UsageException badTopic = assertThrows(UsageException.class,
                    () -> run(command.get(0), java.util.stream.Stream
                            .concat(command.stream().skip(1),
                                    java.util.stream.Stream.of("--kafka", "127.0.0.1:9", "--topic",
                                            "scans of today"))
                            .toArray(String[]::new)));
            assertTrue(badTopic.getMessage().startsWith("--topic 'scans of today' is not a Kafka topic name"),
                    badTopic.getMessage());
        }
        UsageException badDuration = assertThrows(UsageException.class,
                () -> run("ingest", "--sim", "--duration", "soon"));
        assertTrue(badDuration.getMessage().contains("--duration"), badDuration.getMessage());
    }

    @Test
    void anUnusableStoreIsAFailureWithTheReasonOnStderr() throws Exception {
        Files.write(data.resolve("catalog.mv"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        Run r = run("catalog", "list", "--data", data.toString());
        assertEquals(CliCommand.FAILED, r.exit());
        assertTrue(r.err().contains("cannot be read"), r.err());
        assertEquals("", r.out());
    }

    /**
     * An SES file's date is the analyser computer's local time, without a zone: --time-zone says which zone
     * that is (an ingestion server runs in UTC; the analyser at the beamline does not).
     */
    @Test
    void ingestReadsAnalyserFileTimesInTheGivenTimeZone() throws Exception {
        Path watched = Files.createDirectories(data.resolve("xps"));
        Files.copy(SharedData.file("scienta/Ag_0001.txt"), watched.resolve("Ag_0001.txt")); // Date=2023-03-08, Time=15:24:35
        String catalogue = data.resolve("catalogue").toString();
        Run ingest = run("ingest", "--watch", watched.toString(), "--time-zone", "Asia/Tokyo", "--quiet-period",
                "300ms",
                "--duration", "3s", "--quiet", "--data", catalogue);
        assertEquals(0, ingest.exit(), ingest.err());
        Run json = run("catalog", "list", "--json", "--data", catalogue);
        assertTrue(json.out().contains("\"startTime\": \"2023-03-08T06:24:35Z\""), "15:24:35 in Tokyo: " + json.out());
        UsageException unknown = assertThrows(UsageException.class,
                () -> run("ingest", "--watch", watched.toString(), "--time-zone", "Mars/Olympus", "--data", catalogue));
        assertTrue(unknown.getMessage().contains("'Mars/Olympus' is not a time zone"), unknown.getMessage());
    }

    /**
     * Reading a folder that holds no catalogue (a mistyped --data) says so and leaves the folder as it was;
     * it used to make an empty catalogue there and answer "0 of 0 datasets".
     */
    @Test
    void readingAFolderWithoutACatalogueSaysSoAndMakesNone() throws Exception {
        Path typo = data.resolve("scizo");
        List<List<String>> readers = List.of(List.of("catalog", "list"), List.of("catalog", "export", "--csv", "-"),
                List.of("config", "history", "--beamline", "cosaxs"),
                List.of("config", "export", "--beamline", "cosaxs"),
                List.of("config", "diff", "--beamline", "cosaxs", "--from", "1"));
        for (List<String> reader : readers) {
            List<String> args = new java.util.ArrayList<>(reader.subList(1, reader.size()));
            args.addAll(List.of("--data", typo.toString()));
            Run r = run(reader.get(0), args.toArray(String[]::new));
            assertEquals(CliCommand.FAILED, r.exit(), reader + ": " + r.out());
            assertTrue(r.err().contains("There is no catalogue in " + typo + " (no catalog.mv): check --data DIR"),
                    reader + ": " + r.err());
            assertEquals("", r.out(), reader.toString());
            assertTrue(Files.notExists(typo), reader + " made the folder");
        }
        Run imported = run("config", "import", "--beamline", "cosaxs", "--file",
                Files.writeString(data.resolve("c.csv"),
                        "group,name,device,attribute,unit\nsample,T01,sim/t/1,temperature,degC\n").toString(),
                "--data",
                typo.toString());
        assertEquals(CliCommand.OK, imported.exit(), "saving makes the catalogue: " + imported.err());
        assertEquals(CliCommand.OK, run("config", "history", "--beamline", "cosaxs", "--data", typo.toString()).exit());
    }

    @Test
    void theApplicationMapsCommandLinesToExitCodes() throws Exception {
        assertEquals(CliCommand.USAGE, runApplication("frobnicate"));
        assertEquals(CliCommand.USAGE, runApplication("catalog", "list", "--nope"));
        assertEquals(CliCommand.OK, runApplication("help"));
        assertEquals(CliCommand.FAILED, runApplication("catalog", "list", "--data", data.resolve("none").toString()));
        assertEquals(CliCommand.OK, runApplication("ingest", "--sim", "--duration", "1s", "--data", data.toString()));
        assertEquals(CliCommand.OK, runApplication("catalog", "list", "--data", data.toString()));
    }

    private static int runApplication(String... args) throws Exception {
        return (Integer) new CliApplication().start(new ArgsApplicationContext(args));
    }

}
