package org.scizoo.tango.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.AttributeReading;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.harvest.EntryResult;
import org.scizoo.harvest.HarvestResult;
import org.scizoo.harvest.Harvester;
import org.scizoo.tests.support.OsgiServices;

/**
 * Harvesting a SciDog configuration from real Tango device servers through the DeviceReader service
 * (JTango), including the ways it goes wrong at a beamline: a wrong attribute name, an unknown device, a
 * device server that dies.
 */
class TangoHarvestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static TangoPeers peers;
    private static DeviceReader reader;
    private static String tangoTest;
    private static String t01;
    private static String t02;
    private static String sample;
    private static String eiger;
    private static String chiller;

    @BeforeAll
    static void startDeviceServers() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "peers"));
        peers = new TangoPeers(dir);
        tangoTest = peers.startTangoTest();
        List<String> temps = peers.startPython("TemperatureSensor",
                List.of("b310a-e01/dia/tco-01", "b310a-e01/dia/tco-02"), Map.of());
        t01 = temps.get(0);
        t02 = temps.get(1);
        sample = peers.startPython("Sample", "b310a-e/ctl/sample");
        eiger = peers.startPython("Eiger", "expchan/eiger_tr_ctrl/1");
        chiller = peers.startPython("Chiller", "b310a/chiller/1");
        // the simulated beamline's reader is installed too: take the one that reads Tango names
        reader = OsgiServices.get(DeviceReader.class, r -> r.reads(tangoTest));
    }

    @AfterAll
    static void stopDeviceServers() {
        if (peers != null) {
            peers.close();
        }
    }

    static MetadataEntry entry(String group, String name, String device, String attribute, String unit) {
        return new MetadataEntry(group, name, device, attribute, unit, When.END, true);
    }

    @Test
    void readsValuesOfEveryKindWithUnitQualityAndTime() {
        List<AttributeReading> r = reader.read(tangoTest,
                List.of("double_scalar", "long_scalar", "string_scalar", "boolean_scalar", "double_spectrum_ro"),
                TIMEOUT);
        assertEquals(5, r.size());
        r.forEach(x -> assertTrue(x.ok(), x.toString()));
        assertInstanceOf(Double.class, r.get(0).value());
        assertInstanceOf(Long.class, r.get(1).value());
        assertInstanceOf(String.class, r.get(2).value());
        assertInstanceOf(Boolean.class, r.get(3).value());
        assertInstanceOf(List.class, r.get(4).value());
        assertEquals("VALID", r.get(0).quality());
        assertTrue(Duration.between(r.get(0).timestamp(), Instant.now()).abs().toSeconds() < 60, "fresh timestamp");

        AttributeReading temperature = reader.read(t01, List.of("temperature"), TIMEOUT).get(0);
        assertEquals("degC", temperature.unit(), "unit from the attribute's Tango configuration");
        assertInstanceOf(Double.class, temperature.value());
    }

    @Test
    void theAttributesQualityIsKept() {
        List<AttributeReading> r = reader.read(chiller, List.of("temperature", "flow"), TIMEOUT);
        assertEquals("VALID", r.get(0).quality());
        assertEquals("ALARM", r.get(1).quality());
        assertEquals(0.4, r.get(1).value());
        assertEquals("l/min", r.get(1).unit());
    }

    @Test
    void aWrongAttributeNameFailsOnlyThatAttribute() {
        List<AttributeReading> r = reader.read(sample, List.of("descr", "no_such_attribute", "well"), TIMEOUT);
        assertTrue(r.get(0).ok() && r.get(2).ok(), r.toString());
        assertFalse(r.get(1).ok());
        assertTrue(r.get(1).error().toLowerCase().contains("no_such_attribute"), r.get(1).error());
    }

    @Test
    void aSciDogConfigurationIsHarvestedGroupedWithUnitsAndPerEntryErrors() {
        List<MetadataEntry> config = List.of(
                entry("temperatures", "T01", t01, "temperature", null),
                entry("temperatures", "T02", t02, "temperature", "degC"),
                entry("sample", "description", sample, "descr", null),
                entry("sample", "well", sample, "well", null),
                entry("sample", "concentration", sample, "concentration", null),
                entry("detector", "Number images", eiger, "nbimages", null),
                entry("detector", "Number triggers", eiger, "nbtriggers", null),
                entry("environment", "water bath", chiller, "temperature", null),
                entry("broken", "typo", sample, "concentation", null),
                entry("broken", "ghost", "tango://127.0.0.1:1/no/such/device#dbase=no", "x", null),
                new MetadataEntry("off", "disabled", eiger, "count_time", null, When.END, false));
        HarvestResult result = new Harvester(reader, TIMEOUT).harvest(config);

        assertEquals(10, result.entries().size(), "disabled entries are not read");
        Map<String, MetadataValue> m = result.metadata();
        assertEquals("degC", m.get("T01").unit());
        assertEquals("lysozyme in 50 mM HEPES", m.get("description").value());
        assertNull(m.get("description").unit());
        assertEquals(100L, m.get("Number%20images").value(), "a name stored as SciCat encodes it");
        assertEquals("mg/ml", m.get("concentration").unit());
        assertEquals("temperatures", m.get("T01").group(), "grouped as configured");
        assertEquals("VALID", m.get("T01").quality());
        assertTrue(m.get("T01").time() != null, "the reading's time is kept");
        assertEquals(8, m.size());
        List<EntryResult> failures = result.failures();
        assertEquals(List.of("typo", "ghost"), failures.stream().map(f -> f.entry().name()).toList());
        failures.forEach(f -> assertFalse(f.error().isBlank()));
        assertTrue(result.took().compareTo(TIMEOUT.plusSeconds(1)) < 0, "bounded by the timeout: " + result.took());
    }

    @Test
    void aDeviceServerThatDiesBecomesAnErrorWithinTheTimeout() throws Exception {
        String motor = peers.startPython("Motor", "motor/motctrl01/1");
        MetadataEntry position = entry("motors", "position", motor, "position", null);
        MetadataEntry temperature = entry("temperatures", "T01", t01, "temperature", null);
        Harvester harvester = new Harvester(reader, TIMEOUT);
        assertTrue(harvester.harvest(List.of(position, temperature)).failures().isEmpty());

        peers.kill("Motor");
        HarvestResult after = harvester.harvest(List.of(position, temperature));
        assertEquals(List.of("position"), after.failures().stream().map(f -> f.entry().name()).toList());
        assertTrue(after.metadata().containsKey("T01"), "the other device is still recorded");
        assertTrue(after.took().compareTo(TIMEOUT.plusSeconds(1)) < 0, "no hang: " + after.took());
    }
}
