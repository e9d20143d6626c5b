package org.scizoo.scanlog.core;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The units a Scanlog column converts between, so that one column can hold {@code 21 degC} from one
 * beamline and {@code 294.15 K} from another and still sort and filter as one quantity. Each unit is a
 * dimension, a factor and an offset to that dimension's SI unit. Unknown units convert only to themselves.
 */
public final class Units {

    private record Unit(String dimension, double factor, double offset) {
    }

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        add("temperature", 1, 0, "K", "kelvin");
        add("temperature", 1e-3, 0, "mK");
        add("temperature", 1, 273.15, "degC", "°C", "C", "celsius", "deg C");
        add("length", 1, 0, "m");
        add("length", 1e-2, 0, "cm");
        add("length", 1e-3, 0, "mm");
        add("length", 1e-6, 0, "um", "µm", "μm", "micron");
        add("length", 1e-9, 0, "nm");
        add("length", 1e-10, 0, "Å", "angstrom", "Angstrom");
        add("energy", 1, 0, "eV");
        add("energy", 1e-3, 0, "meV");
        add("energy", 1e3, 0, "keV");
        add("energy", 1e6, 0, "MeV");
        add("pressure", 1, 0, "Pa");
        add("pressure", 1e2, 0, "hPa", "mbar");
        add("pressure", 1e3, 0, "kPa");
        add("pressure", 1e5, 0, "bar");
        add("pressure", 133.322368, 0, "Torr", "torr");
        add("pressure", 0.133322368, 0, "mTorr");
        add("time", 1, 0, "s", "sec");
        add("time", 1e-3, 0, "ms");
        add("time", 1e-6, 0, "us", "µs", "μs");
        add("time", 1e-9, 0, "ns");
        add("time", 60, 0, "min");
        add("time", 3600, 0, "h");
        add("current", 1, 0, "A");
        add("current", 1e-3, 0, "mA");
        add("current", 1e-6, 0, "uA", "µA", "μA");
        add("current", 1e-9, 0, "nA");
        add("angle", 1, 0, "deg", "°");
        add("angle", 180 / Math.PI, 0, "rad");
        add("angle", 180e-3 / Math.PI, 0, "mrad");
        add("angle", 180e-6 / Math.PI, 0, "urad", "µrad", "μrad");
        add("voltage", 1, 0, "V");
        add("voltage", 1e-3, 0, "mV");
        add("voltage", 1e3, 0, "kV");
        add("frequency", 1, 0, "Hz");
        add("frequency", 1e3, 0, "kHz");
        add("frequency", 1e6, 0, "MHz");
    }

    private Units() {
    }

    private static void add(String dimension, double factor, double offset, String... names) {
        for (String n : names) {
            UNITS.put(n, new Unit(dimension, factor, offset));
        }
    }

    /**
     * {@code value} in {@code from} expressed in {@code to}; empty when the units are of different
     * quantities or either is unknown (and not the same text). A missing unit converts only to a missing unit.
     */
    public static OptionalDouble convert(double value, String from, String to) {
        String f = from == null ? "" : from.strip();
        String t = to == null ? "" : to.strip();
        if (f.equals(t)) {
            return OptionalDouble.of(value);
        }
        Unit uf = UNITS.get(f);
        Unit ut = UNITS.get(t);
        if (uf == null || ut == null || !uf.dimension.equals(ut.dimension)) {
            return OptionalDouble.empty();
        }
        double si = value * uf.factor + uf.offset;
        return OptionalDouble.of((si - ut.offset) / ut.factor);
    }

    /** Whether the unit is one this class can convert. */
    public static boolean known(String unit) {
        return unit != null && UNITS.containsKey(unit.strip());
    }
}
