package org.scizoo.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;

/** What changed between two versions of a configuration, entry by entry (entries are known by name). */
public record MetadataConfigDiff(List<MetadataEntry> added, List<MetadataEntry> removed, List<Change> changed) {

    /** An entry whose name stayed but whose device, attribute, unit, group, when or enabled changed. */
    public record Change(MetadataEntry before, MetadataEntry after) {
    }

    public static MetadataConfigDiff between(MetadataConfig from, MetadataConfig to) {
        Map<String, MetadataEntry> before = byName(from.entries());
        Map<String, MetadataEntry> after = byName(to.entries());
        List<MetadataEntry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (MetadataEntry e : after.values()) {
            MetadataEntry old = before.get(e.name());
            if (old == null) {
                added.add(e);
            } else if (!old.equals(e)) {
                changed.add(new Change(old, e));
            }
        }
        List<MetadataEntry> removed = before.values().stream().filter(e -> !after.containsKey(e.name())).toList();
        return new MetadataConfigDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** One line per difference: {@code + name …}, {@code - name …}, {@code ~ name: field a → b}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        added.forEach(e -> out.add("+ " + describe(e)));
        removed.forEach(e -> out.add("- " + describe(e)));
        for (Change c : changed) {
            out.add("~ " + c.after().name() + ": " + String.join(", ", fieldChanges(c.before(), c.after())));
        }
        return out;
    }

    private static List<String> fieldChanges(MetadataEntry a, MetadataEntry b) {
        List<String> f = new ArrayList<>();
        field(f, "group", a.group(), b.group());
        field(f, "device", a.device(), b.device());
        field(f, "attribute", a.attribute(), b.attribute());
        field(f, "unit", a.unit(), b.unit());
        field(f, "when", a.when(), b.when());
        field(f, "enabled", a.enabled(), b.enabled());
        return f;
    }

    private static void field(List<String> out, String name, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            out.add(name + " " + (a == null ? "(none)" : a) + " \u2192 " + (b == null ? "(none)" : b));
        }
    }

    private static String describe(MetadataEntry e) {
        return e.name() + " = " + e.device() + " " + e.attribute() + (e.unit() == null ? "" : " [" + e.unit() + "]")
                + " (" + e.when().name().toLowerCase(java.util.Locale.ROOT) + (e.enabled() ? "" : ", disabled") + ")";
    }

    private static Map<String, MetadataEntry> byName(List<MetadataEntry> entries) {
        Map<String, MetadataEntry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.name(), e));
        return m;
    }
}
