package org.scizoo.files.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.scizoo.core.model.MetadataValue;

/**
 * Turns analyser header entries ("Pass Energy=50", "# Dwell Time: 0.1") into {@code scientificMetadata}:
 * keys in snake case ({@code pass_energy}), numbers as numbers, with the unit the format implies (the
 * files write none). Several regions give one list per key, in region order. Shared by the extractors.
 */
public final class HeaderValues {

    /** Units of keys, as the analyser programs write them (energies in eV, Prodigy's dwell time in s). */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("pass_energy", "eV"),
            Map.entry("excitation_energy", "eV"), Map.entry("center_energy", "eV"), Map.entry("low_energy", "eV"),
            Map.entry("high_energy", "eV"), Map.entry("energy_step", "eV"), Map.entry("kinetic_energy", "eV"),
            Map.entry("binding_energy", "eV"), Map.entry("eff_workfunction", "eV"), Map.entry("workfunction", "eV"),
            Map.entry("effective_workfunction", "eV"), Map.entry("dwell_time", "s"), Map.entry("bias_voltage", "V"),
            Map.entry("detector_voltage", "V"), Map.entry("time_per_spectrum_channel", "ms"),
            Map.entry("scan_step", "eV"), Map.entry("scan_delta", "eV"));

    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private HeaderValues() {
    }

    /** "Pass Energy" → "pass_energy"; "Eff. Workfunction" → "eff_workfunction"; "Curves/Scan" → "curves_scan". */
    public static String key(String name) {
        String k = NOT_KEY.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        return EDGE_UNDERSCORES.matcher(k).replaceAll("");
    }

    /** A number when the text is one (integers as such), else the text. */
    public static Object value(String text) {
        String t = text.strip();
        if (INTEGER.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return t;
    }

    /**
     * One metadata entry per key across the regions: the value itself for one region, a list (null where a
     * region lacks the key) for several. Keys in {@code skip} are left out.
     */
    public static Map<String, MetadataValue> merge(List<Map<String, String>> regions, Set<String> skip) {
        Set<String> keys = new LinkedHashSet<>();
        regions.forEach(r -> keys.addAll(r.keySet()));
        Map<String, MetadataValue> out = new LinkedHashMap<>();
        for (String name : keys) {
            String key = key(name);
            if (key.isEmpty() || skip.contains(key)) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Map<String, String> region : regions) {
                String v = region.get(name);
                values.add(v == null ? null : value(v));
            }
            out.put(key, new MetadataValue(regions.size() == 1 ? values.getFirst() : values, UNITS.get(key)));
        }
        return out;
    }

    /** The first region's value of a key, or null. */
    public static String first(List<Map<String, String>> regions, String name) {
        for (Map<String, String> r : regions) {
            String v = r.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /**
     * A date and time as analyser programs write them ("2023-03-08" + "15:24:35", "3/8/2023", "08/24/23
     * 14:19:47 UTC"), in {@code zone} unless the text names UTC; null when there is none or it is unreadable.
     */
    public static Instant time(String date, String time, ZoneId zone) {
        if (date == null) {
            return null;
        }
        String d = date.strip();
        ZoneId z = zone;
        if (d.endsWith(" UTC")) {
            d = d.substring(0, d.length() - 4).strip();
            z = ZoneId.of("UTC");
        }
        for (String pattern : new String[] { "yyyy-MM-dd HH:mm:ss", "MM/dd/yy HH:mm:ss", "M/d/yyyy HH:mm:ss",
                "yyyy-MMM-dd HH:mm:ss" }) {
            try {
                String text = time == null || d.contains(":") ? d : d + " " + time.strip();
                return LocalDateTime.parse(text.replaceAll("\\.\\d+$", ""),
                        DateTimeFormatter.ofPattern(pattern, Locale.ROOT)).atZone(z).toInstant();
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        for (String pattern : new String[] { "yyyy-MM-dd", "M/d/yyyy" }) {
            try {
                LocalTime t = time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip());
                return LocalDate.parse(d, DateTimeFormatter.ofPattern(pattern, Locale.ROOT)).atTime(t).atZone(z)
                        .toInstant();
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        return null;
    }
}
