package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.scicat.SciCatDocuments;
import org.scizoo.core.units.SciCatUnits;
import org.scizoo.core.units.SiValue;

/**
 * valueSI/unitSI and key encoding against SciCat 4.5.0's own functions ({@code convertToSI} and
 * {@code encodeURIComponentExtended} from its built {@code dist/common/utils.js}), run by node on the
 * same inputs: the units a beamline writes, prefixes, products and quotients, ranges, and names SciCat's
 * mathjs refuses (a µ sign, %, counts).
 */
class SciCatUnitsTest {

    private static final List<String> UNITS = List.of("degC", "K", "mK", "keV", "eV", "MeV", "mm", "um", "nm",
            "cm", "m", "angstrom", "Å", "µm", "mbar", "bar", "Pa", "kPa", "torr", "deg", "rad", "mrad", "urad", "mA",
            "uA", "nA", "A", "V", "kV", "mV", "Hz", "kHz", "s", "ms", "us", "ns", "min", "h", "W", "J", "N", "C",
            "mg/ml", "ul/min", "m/s", "1/s", "mL", "l", "L", "kg", "g", "mg", "mol", "T", "%", "counts", "ppm",
            "dB", "°C", "Torr", "mm/s", "deg/s");
    private static final List<String> NAMES = List.of("T01", "B310A/DIA/TCO-02.temp", "sample description", "$where",
            "Grün (x+y)", "100%", "a-b_c!~*'()", "tab\there", "x.y.z");

    @Test
    void valueSIAndUnitSIAreThoseSciCatWritesForTheSameValue() throws Exception {
        StringBuilder inputs = new StringBuilder("[");
        for (String u : UNITS) {
            inputs.append(inputs.length() > 1 ? "," : "").append("[12.5,").append(json(u)).append("]");
        }
        inputs.append(",[[1,2],\"mm\"],[[20,30],\"degC\"]]");
        List<?> scicat = runSciCat("const u=require('./dist/common/utils.js');"
                + "process.stdout.write(JSON.stringify({r: " + inputs + ".map(([v,unit])=>u.convertToSI(v,unit))}))");
        List<Object[]> all = new ArrayList<>();
        UNITS.forEach(u -> all.add(new Object[] { 12.5, u }));
        all.add(new Object[] { List.of(1L, 2L), "mm" });
        all.add(new Object[] { List.of(20L, 30L), "degC" });
        assertEquals(all.size(), scicat.size());
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Document theirs = (Document) scicat.get(i);
            Optional<SiValue> ours = SciCatUnits.toSi(all.get(i)[0], (String) all.get(i)[1]);
            assertTrue(ours.isPresent(), "a value with a unit always gets valueSI: " + all.get(i)[1]);
            if (!theirs.getString("unitSI").equals(ours.get().unitSI())
                    || !close(theirs.get("valueSI"), ours.get().valueSI())) {
                differ.add(all.get(i)[1] + ": SciCat " + theirs.toJson() + ", ours " + ours.get());
            }
        }
        assertTrue(differ.isEmpty(), String.join("\n", differ));
    }

    @Test
    void keysAreEncodedAsSciCatEncodesThem() throws Exception {
        StringBuilder names = new StringBuilder("[");
        for (String n : NAMES) {
            names.append(names.length() > 1 ? "," : "").append(json(n));
        }
        List<?> scicat = runSciCat("const u=require('./dist/common/utils.js');"
                + "process.stdout.write(JSON.stringify({r: " + names + "].map(n=>u.encodeURIComponentExtended(n))}))");
        for (int i = 0; i < NAMES.size(); i++) {
            assertEquals(scicat.get(i), MetadataKeys.safe(NAMES.get(i)), NAMES.get(i));
            assertEquals(NAMES.get(i), MetadataKeys.label((String) scicat.get(i)));
        }
    }

    @Test
    void storedMetadataCarriesValueSIAndUnitSIWhereThereIsAUnit() {
        Document doc = SciCatDocuments.toDocument(SampleDatasets.full().toBuilder()
                .metadata("T01", MetadataValue.of(20.0, "degC"))
                .metadata("sample", MetadataValue.of("buffer A"))
                .metadata("frames", MetadataValue.of(10, "counts"))
                .metadata("T02", MetadataValue.of(Double.NaN, "degC"))
                .metadata("gap", MetadataValue.of(List.of(1.0, Double.POSITIVE_INFINITY), "mm")).build());
        Document sm = doc.get("scientificMetadata", Document.class);
        assertEquals(293.15, sm.get("T01", Document.class).getDouble("valueSI"), 1e-9);
        assertEquals("K", sm.get("T01", Document.class).getString("unitSI"));
        assertTrue(!sm.get("sample", Document.class).containsKey("valueSI"), "no unit, no SI: " + sm.toJson());
        assertEquals(10L, sm.get("frames", Document.class).get("valueSI"), "a unit SciCat does not know is kept");
        assertEquals("counts", sm.get("frames", Document.class).getString("unitSI"));
        assertTrue(Double.isNaN(sm.get("T02", Document.class).getDouble("valueSI")),
                "a failed reading (NaN) is stored, NaN in every unit: " + sm.toJson());
        assertEquals("K", sm.get("T02", Document.class).getString("unitSI"));
        assertEquals(List.of(0.001, Double.POSITIVE_INFINITY), sm.get("gap", Document.class).getList("valueSI",
                Double.class));
    }

    private static boolean close(Object theirs, Object ours) {
        if (theirs instanceof List<?> a && ours instanceof List<?> b) {
            return a.size() == b.size() && close(a.get(0), b.get(0)) && close(a.get(1), b.get(1));
        }
        if (theirs instanceof Number a && ours instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
        }
        return String.valueOf(theirs).equals(String.valueOf(ours));
    }

    private static String json(String s) {
        return new Document("s", s).toJson().replaceFirst("^\\{\"s\": ", "").replaceFirst("}$", "");
    }

    /** Runs a script with node in the SciCat backend the build made; its stdout is {@code {"r": [...]}}. */
    private static List<?> runSciCat(String script) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("scizoo.scicat.dir", "missing"));
        assertTrue(Files.isRegularFile(dir.resolve("dist/common/utils.js")),
                "SciCat's backend is built by releng/org.scizoo.peers.scicat into " + dir);
        // SciCat warns of units it cannot convert on stdout, through Nest's logger: silenced
        String quiet = "require('@nestjs/common').Logger.overrideLogger(false);";
        Process p = new ProcessBuilder("node", "-e", quiet + script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not end");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return Document.parse(new String(out, StandardCharsets.UTF_8)).getList("r", Object.class);
    }
}
