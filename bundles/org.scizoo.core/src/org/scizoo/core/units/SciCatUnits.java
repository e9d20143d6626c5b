package org.scizoo.core.units;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.measure.Dimension;
import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;

import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.Calculus;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * SciCat's {@code valueSI}/{@code unitSI}, computed as SciCat 4.5 computes them on its own writes
 * ({@code convertToSI} in its {@code src/common/utils.ts}, on mathjs), so that its unit-aware conditions
 * ({@code T01 > 20 degC}) find the values we write. Units are parsed, prefixed and converted by Indriya
 * (JSR 385); this class only adds the spellings mathjs accepts that Indriya's format does not, and writes
 * the SI base units in mathjs's order and notation. A unit mathjs would refuse (a {@code µ} prefix, a
 * {@code %}, anything not understood) keeps the value and unit as given, as SciCat does.
 */
public final class SciCatUnits {

    /** mathjs's SI base dimensions, in the order its {@code toSI()} lists them, with their SI units. */
    private static final List<Map.Entry<Dimension, String>> BASE = List.of(
            Map.entry(UnitDimension.MASS, "kg"), Map.entry(UnitDimension.LENGTH, "m"),
            Map.entry(UnitDimension.TIME, "s"), Map.entry(UnitDimension.ELECTRIC_CURRENT, "A"),
            Map.entry(UnitDimension.TEMPERATURE, "K"), Map.entry(UnitDimension.LUMINOUS_INTENSITY, "cd"),
            Map.entry(UnitDimension.AMOUNT_OF_SUBSTANCE, "mol"));

    private static final SimpleUnitFormat NAMES = mathjsNames();
    /** Units as parsed, with their SI notation and converter: a beamline writes the same few thousands of times. */
    private static final java.util.concurrent.ConcurrentMap<String, Optional<Parsed>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    private record Parsed(String unitSI, UnitConverter toSI) {
    }

    private SciCatUnits() {
    }

    /**
     * What SciCat stores beside {@code value} in {@code unit}, or empty where it stores nothing: no unit,
     * or no value. A number converts; a pair of numbers (a range) converts both; anything else, or a unit
     * not understood, is kept as given.
     */
    public static Optional<SiValue> toSi(Object value, String unit) {
        if (value == null || unit == null || unit.isEmpty()) {
            return Optional.empty();
        }
        Optional<Parsed> parsed = parsed(unit);
        if (parsed.isEmpty()) {
            return Optional.of(new SiValue(value, unit));
        }
        UnitConverter toSI = parsed.get().toSI();
        Optional<String> unitSI = Optional.of(parsed.get().unitSI());
        if (value instanceof Number n) {
            return Optional.of(new SiValue(convert(toSI, n.doubleValue()), unitSI.get()));
        }
        if (value instanceof List<?> pair && pair.size() == 2 && pair.stream().allMatch(Number.class::isInstance)) {
            List<Double> converted = new ArrayList<>(2);
            pair.forEach(v -> converted.add(convert(toSI, ((Number) v).doubleValue())));
            return Optional.of(new SiValue(converted, unitSI.get()));
        }
        return Optional.of(new SiValue(value, unit));
    }

    /**
     * A reading that failed (NaN) or overflowed (infinite) is the same in every unit; Indriya refuses to
     * convert it, and a sensor that returns NaN must not stop its dataset from being stored.
     */
    private static double convert(UnitConverter toSI, double value) {
        return Double.isFinite(value) ? toSI.convert(value) : value;
    }

    /**
     * {@code value} in {@code unit} in SciCat's SI units, or empty where SciCat would not convert the unit (so
     * a search condition in it cannot be compared with what SciCat stores, and must say so).
     */
    public static Optional<SiValue> toSiStrictly(double value, String unit) {
        if (unit == null || unit.isEmpty()) {
            return Optional.empty();
        }
        return parsed(unit).map(p -> new SiValue(convert(p.toSI(), value), p.unitSI()));
    }

    private static Optional<Parsed> parsed(String unit) {
        Optional<Parsed> parsed = PARSED.get(unit);
        if (parsed == null) {
            parsed = parse(unit).flatMap(u -> unitSI(u).map(si -> new Parsed(si, converterToSI(u))));
            if (PARSED.size() < MAX_CACHED) {
                PARSED.put(unit, parsed);
            }
        }
        return parsed;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static UnitConverter converterToSI(Unit unit) {
        return unit.getConverterTo(unit.getSystemUnit()); // a unit and its own system unit always convert
    }

    /** A unit as SciCat's mathjs reads it, or empty where it would refuse it. */
    static Optional<Unit<?>> parse(String unit) {
        String name = Normalizer.normalize(unit, Normalizer.Form.NFC).strip();
        // mathjs reads ASCII names only (SciCat adds Å); Indriya would also take µm, ℃, Ω…
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 || c == 'Å')) {
            return Optional.empty();
        }
        try {
            if (name.startsWith("1/")) { // mathjs reads 1/s; Indriya's format does not
                return Optional.of(NAMES.parse(name.substring(2).strip()).inverse());
            }
            return Optional.of(NAMES.parse(name));
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The unit's SI base units in mathjs's notation, or empty for a dimensionless unit that is no angle. */
    static Optional<String> unitSI(Unit<?> unit) {
        Map<? extends Dimension, Integer> dims = unit.getDimension().getBaseDimensions();
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        for (Map.Entry<Dimension, String> base : BASE) {
            int power = dims == null ? (unit.getDimension().equals(base.getKey()) ? 1 : 0)
                    : dims.getOrDefault(base.getKey(), 0);
            add(base.getValue(), power, num, den);
        }
        add("rad", anglePower(unit.getSystemUnit()), num, den);
        if (num.isEmpty() && den.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(format(num, den));
    }

    private static void add(String symbol, int power, List<String> num, List<String> den) {
        if (power > 0) {
            num.add(power == 1 ? symbol : symbol + "^" + power);
        } else if (power < 0) {
            den.add(power == -1 ? symbol : symbol + "^" + -power);
        }
    }

    /** mathjs's {@code formatUnits}: {@code (kg m^2) / (s^3 A)}, {@code s^-1} when nothing is above the line. */
    private static String format(List<String> num, List<String> den) {
        if (num.isEmpty()) {
            return String.join(" ", den.stream().map(d -> d.contains("^") ? d.replace("^", "^-") : d + "^-1")
                    .toList());
        }
        String n = String.join(" ", num);
        if (den.isEmpty()) {
            return n;
        }
        String d = String.join(" ", den);
        return (num.size() > 1 ? "(" + n + ")" : n) + " / " + (den.size() > 1 ? "(" + d + ")" : d);
    }

    /** Angles are a base dimension in mathjs, dimensionless in SI: count the radians in the SI unit. */
    private static int anglePower(Unit<?> systemUnit) {
        if (systemUnit.equals(Units.RADIAN)) {
            return 1;
        }
        Map<? extends Unit<?>, Integer> parts = systemUnit.getBaseUnits();
        if (parts == null) {
            return 0;
        }
        int power = 0;
        for (Map.Entry<? extends Unit<?>, Integer> p : parts.entrySet()) {
            if (p.getKey().equals(Units.RADIAN)) {
                power += p.getValue();
            }
        }
        return power;
    }

    /**
     * Indriya's names plus mathjs's own: {@code u} for micro, {@code degC}, {@code deg}, {@code L}, and the
     * units outside SI that mathjs defines, with mathjs's factors (its electronvolt is CODATA 2010's, its
     * torr 133.322 Pa) so that SciCat's conversion and ours give the same numbers.
     */
    private static SimpleUnitFormat mathjsNames() {
        // Indriya finds its number system with ServiceLoader on the context class loader (once: it keeps
        // it); under OSGi only its own bundle's loader sees its META-INF/services.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Calculus.class.getClassLoader());
        try {
            Calculus.currentNumberSystem();
            return withMathjsNames(SimpleUnitFormat.getNewInstance());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static SimpleUnitFormat withMathjsNames(SimpleUnitFormat f) {
        f.alias(Units.CELSIUS, "degC");
        Unit<?> degree = Units.RADIAN.multiply(Math.PI).divide(180);
        f.alias(degree, "deg");
        Unit<?> angstrom = Units.METRE.divide(1e10);
        f.alias(angstrom, "angstrom");
        f.alias(angstrom, "Å");
        f.alias(Units.PASCAL.multiply(133.322), "torr");
        withPrefixes(f, Units.JOULE.multiply(1.602176565e-19), "eV");
        withPrefixes(f, Units.PASCAL.multiply(100_000), "bar");
        withPrefixes(f, Units.LITRE, "l");
        withPrefixes(f, Units.LITRE, "L");
        for (Map.Entry<String, Unit<?>> u : List.<Map.Entry<String, Unit<?>>>of(Map.entry("m", Units.METRE),
                Map.entry("s", Units.SECOND), Map.entry("A", Units.AMPERE), Map.entry("V", Units.VOLT),
                Map.entry("W", Units.WATT), Map.entry("Hz", Units.HERTZ), Map.entry("g", Units.GRAM),
                Map.entry("K", Units.KELVIN), Map.entry("Pa", Units.PASCAL), Map.entry("J", Units.JOULE),
                Map.entry("N", Units.NEWTON), Map.entry("C", Units.COULOMB), Map.entry("mol", Units.MOLE),
                Map.entry("rad", Units.RADIAN), Map.entry("F", Units.FARAD), Map.entry("T", Units.TESLA))) {
            f.alias(u.getValue().prefix(MetricPrefix.MICRO), "u" + u.getKey());
        }
        f.alias(Units.OHM, "ohm");
        return f;
    }

    private static void withPrefixes(SimpleUnitFormat f, Unit<?> unit, String symbol) {
        f.alias(unit, symbol);
        for (MetricPrefix p : MetricPrefix.values()) {
            String prefix = p == MetricPrefix.MICRO ? "u" : p.getSymbol();
            f.alias(unit.prefix(p), prefix + symbol);
        }
    }
}
