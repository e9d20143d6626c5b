package org.scizoo.source.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.AttributeReading;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.DeviceDirectory;
import org.scizoo.core.ports.DeviceReader;

/**
 * The simulated SAXS beamline's devices, behind the same ports as Tango's: two sample-cell temperature
 * sensors, the sample changer (description, well, concentration), the Eiger detector, the water bath and
 * the monochromator, named {@code sim://sim-saxs/FAMILY/MEMBER} and listed under the directory host
 * {@value #HOST}. Values drift slowly with the clock like real sensors; the sample changes every three
 * minutes; the water bath is offline for 10 s in every 70 s, as a device that is sometimes away. SciDog
 * checks its rows against them, the device browser lists them, and every simulated scan is harvested
 * from them through the beamline's configuration ({@link #configuration()}, saved as its first version).
 */
@Component(service = { DeviceReader.class, DeviceDirectory.class }, property = "service.ranking:Integer=10")
public class SimulatedSaxsDevices implements DeviceReader, DeviceDirectory {

    /** The directory host that lists these devices (in SciDog's device browser). */
    public static final String HOST = "sim";
    public static final String PREFIX = "sim://";
    static final String DOMAIN = SimulatedBeamline.INSTRUMENT;
    static final String T01 = device("temperature", "t01");
    static final String T02 = device("temperature", "t02");
    static final String SAMPLE = device("sample", "changer");
    static final String EIGER = device("eiger", "1");
    static final String WATERBATH = device("waterbath", "1");
    static final String MONO = device("mono", "1");
    private static final String[] SAMPLES = { "lysozyme in 50 mM HEPES", "BSA in PBS buffer", "buffer blank (PBS)",
            "silver behenate calibrant", "glucose isomerase", "empty capillary" };

    private record Attribute(String unit, Function<Instant, Object> value) {
    }

    private final Clock clock;
    /** Device → attribute → its unit and value at a time; in the order the browser lists them. */
    private final Map<String, Map<String, Attribute>> devices = new LinkedHashMap<>();

    public SimulatedSaxsDevices() {
        this(Clock.systemUTC());
    }

    public SimulatedSaxsDevices(Clock clock) {
        this.clock = clock;
        add(T01, "temperature", "degC", t -> drift(t, 22.0, 0.4, 600, 0));
        add(T02, "temperature", "degC", t -> drift(t, 22.4, 0.4, 700, 1));
        add(SAMPLE, "description", null, t -> SAMPLES[sampleIndex(t) % SAMPLES.length]);
        add(SAMPLE, "well", null, t -> "" + (char) ('A' + sampleIndex(t) % 8) + (1 + sampleIndex(t) % 12));
        add(SAMPLE, "concentration", "mg/ml", t -> round(0.5 + 9.5 * unit(sampleIndex(t), 2), 2));
        add(EIGER, "nbimages", null, t -> 10L * (1 + sampleIndex(t) % 10));
        add(EIGER, "nbtriggers", null, t -> 1L + sampleIndex(t) % 3);
        add(EIGER, "count_time", "s", t -> round(0.05 + 0.05 * (sampleIndex(t) % 10), 2));
        add(WATERBATH, "temperature", "degC", t -> drift(t, 20.0, 0.1, 900, 2));
        add(WATERBATH, "flow", "l/min", t -> drift(t, 2.5, 0.05, 300, 3));
        add(MONO, "energy", "keV", t -> 12.4);
    }

    private static String device(String family, String member) {
        return PREFIX + DOMAIN + "/" + family + "/" + member;
    }

    private void add(String device, String attribute, String unit, Function<Instant, Object> value) {
        devices.computeIfAbsent(device, d -> new LinkedHashMap<>()).put(attribute, new Attribute(unit, value));
    }

    /**
     * The simulated beamline's SciDog configuration, as a SAXS beamline's staff would write it: the keys its
     * scans have always carried (T01, sample_description, eiger_nbimages, …).
     */
    public static List<MetadataEntry> configuration() {
        return List.of(
                new MetadataEntry("temperatures", "T01", T01, "temperature", "degC", When.START, true),
                new MetadataEntry("temperatures", "T01_end", T01, "temperature", "degC", When.END, true),
                new MetadataEntry("temperatures", "T02", T02, "temperature", "degC", When.START, true),
                new MetadataEntry("sample", "sample_description", SAMPLE, "description", null, When.START, true),
                new MetadataEntry("sample", "sample_well", SAMPLE, "well", null, When.START, true),
                new MetadataEntry("sample", "sample_concentration", SAMPLE, "concentration", "mg/ml", When.START, true),
                new MetadataEntry("detector", "eiger_nbimages", EIGER, "nbimages", null, When.START, true),
                new MetadataEntry("detector", "eiger_nbtriggers", EIGER, "nbtriggers", null, When.START, true),
                new MetadataEntry("detector", "eiger_count_time", EIGER, "count_time", "s", When.START, true),
                new MetadataEntry("water bath", "waterbath_temperature", WATERBATH, "temperature", "degC", When.START,
                        true),
                new MetadataEntry("beam", "energy", MONO, "energy", "keV", When.START, true));
    }

    /** The water bath is away 10 s in every 70 s. */
    boolean offline(String device, Instant t) {
        return device.equals(WATERBATH) && Math.floorMod(t.getEpochSecond() / 10, 7) == 6;
    }

    @Override
    public boolean reads(String device) {
        return device != null && device.startsWith(PREFIX);
    }

    @Override
    public List<AttributeReading> read(String device, List<String> attributes, Duration timeout) {
        Instant now = clock.instant();
        Map<String, Attribute> known = devices.get(device);
        List<AttributeReading> out = new ArrayList<>(attributes.size());
        for (String name : attributes) {
            Attribute a = known == null ? null : known.get(name);
            if (known == null) {
                out.add(AttributeReading.failed(device, name, "no simulated device " + device));
            } else if (offline(device, now)) {
                out.add(AttributeReading.failed(device, name,
                        device + " is offline (simulated: away 10 s in every 70 s)"));
            } else if (a == null) {
                out.add(AttributeReading.failed(device, name, device + " has no attribute " + name
                        + " (it has " + String.join(", ", known.keySet()) + ")"));
            } else {
                out.add(new AttributeReading(device, name, a.value().apply(now), a.unit(), "VALID", now, null));
            }
        }
        return out;
    }

    @Override
    public boolean serves(String hostOrDevice) {
        return HOST.equals(hostOrDevice) || reads(hostOrDevice);
    }

    @Override
    public List<String> hosts() {
        return List.of(HOST);
    }

    @Override
    public List<String> domains(String host) {
        return List.of(DOMAIN);
    }

    @Override
    public List<String> families(String host, String domain) {
        return devices.keySet().stream().filter(d -> d.startsWith(PREFIX + domain + "/"))
                .map(d -> d.split("/")[3]).distinct().toList();
    }

    @Override
    public List<String> members(String host, String domain, String family) {
        String prefix = PREFIX + domain + "/" + family + "/";
        return devices.keySet().stream().filter(d -> d.startsWith(prefix)).map(d -> d.substring(prefix.length()))
                .toList();
    }

    @Override
    public String deviceName(String host, String domain, String family, String member) {
        return PREFIX + domain + "/" + family + "/" + member;
    }

    @Override
    public List<String> attributes(String device) throws CatalogException {
        Map<String, Attribute> known = devices.get(device);
        if (known == null) {
            throw new CatalogException("No simulated device " + device);
        }
        if (offline(device, clock.instant())) {
            throw new CatalogException(device + " is offline (simulated: away 10 s in every 70 s); try again shortly");
        }
        return List.copyOf(known.keySet());
    }

    /** A sensor's value: its set point, a slow swing and a little noise, all from the time. */
    private static double drift(Instant t, double base, double swing, double periodSeconds, int phase) {
        double s = t.toEpochMilli() / 1000.0;
        double slow = Math.sin(2 * Math.PI * s / periodSeconds + phase);
        double noise = unit(t.getEpochSecond(), phase) - 0.5;
        return round(base + swing * slow + 0.05 * noise, 2);
    }

    private static int sampleIndex(Instant t) {
        return (int) Math.floorMod(t.getEpochSecond() / 180, 1_000_000L);
    }

    /** A repeatable number in [0, 1) for n (a hash, so values look random but a time always gives the same). */
    private static double unit(long n, int salt) {
        long x = n * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 29;
        return (x >>> 11) / (double) (1L << 53);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
