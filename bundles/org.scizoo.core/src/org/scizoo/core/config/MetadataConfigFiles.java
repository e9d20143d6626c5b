package org.scizoo.core.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataKeys;

/**
 * SciDog configurations as files staff edit and exchange: JSON ({@code {"instrument", "entries": [{group,
 * name, device, attribute, unit, when, enabled}]}}) and CSV (RFC 4180, header
 * {@code group,name,device,attribute,unit,when,enabled}). Reading checks every entry and reports all
 * problems at once, each with its entry number or CSV line.
 */
public final class MetadataConfigFiles {

    public static final List<String> CSV_HEADER = List.of("group", "name", "device", "attribute", "unit", "when",
            "enabled");
    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();

    private MetadataConfigFiles() {
    }

    public static String toJson(MetadataConfig config) {
        return toDocument(config).toJson(PRETTY);
    }

    /** The configuration as a document: the JSON file's shape, and how the catalogue stores a version. */
    public static Document toDocument(MetadataConfig config) {
        List<Document> entries = new ArrayList<>();
        for (MetadataEntry e : config.entries()) {
            entries.add(new Document("group", nz(e.group())).append("name", e.name()).append("device", e.device())
                    .append("attribute", e.attribute()).append("unit", nz(e.unit()))
                    .append("when", e.when().name().toLowerCase(Locale.ROOT)).append("enabled", e.enabled()));
        }
        Document doc = new Document("instrument", config.instrument()).append("version", config.version());
        if (config.author() != null) {
            doc.append("author", config.author());
        }
        if (config.savedAt() != null) {
            doc.append("savedAt", config.savedAt().toString());
        }
        return doc.append("entries", entries);
    }

    public static MetadataConfig fromJson(String json) throws InvalidConfigException {
        Document doc;
        try {
            doc = Document.parse(json);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            throw new InvalidConfigException(List.of("not valid JSON: " + e.getMessage()));
        }
        return fromDocument(doc);
    }

    /** Reads a configuration document, checking every entry. */
    public static MetadataConfig fromDocument(Document doc) throws InvalidConfigException {
        List<String> problems = new ArrayList<>();
        String instrument = doc.get("instrument") instanceof String s && !s.isBlank() ? s : null;
        if (instrument == null) {
            problems.add("\"instrument\" is missing: say which beamline this configuration is for");
        }
        List<MetadataEntry> entries = new ArrayList<>();
        if (!(doc.get("entries") instanceof List<?> raw)) {
            problems.add("\"entries\" is missing or not a list");
        } else {
            for (int i = 0; i < raw.size(); i++) {
                String where = "entry " + (i + 1);
                if (!(raw.get(i) instanceof Document d)) {
                    problems.add(where + ": not an object");
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (String f : CSV_HEADER) {
                    Object v = d.get(f);
                    fields.put(f, v == null ? null : v.toString());
                }
                addEntry(fields, where, entries, problems);
            }
        }
        checked(entries, problems);
        int version = doc.get("version") instanceof Number n ? n.intValue() : 0;
        Instant savedAt = doc.get("savedAt") instanceof String s ? parseTime(s) : null;
        return new MetadataConfig(instrument, version, doc.getString("author"), savedAt, entries);
    }

    public static String toCsv(MetadataConfig config) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
        for (MetadataEntry e : config.entries()) {
            b.append(Csv.row(List.of(nz(e.group()), e.name(), e.device(), e.attribute(), nz(e.unit()),
                    e.when().name().toLowerCase(Locale.ROOT), Boolean.toString(e.enabled())))).append("\r\n");
        }
        return b.toString();
    }

    public static MetadataConfig fromCsv(String instrument, String csv) throws InvalidConfigException {
        List<String> problems = new ArrayList<>();
        List<List<String>> rows;
        try {
            rows = Csv.parse(csv);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(List.of("not valid CSV: " + e.getMessage()));
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList()
                .containsAll(List.of("name", "device", "attribute"))) {
            throw new InvalidConfigException(List.of("line 1: expected a header with at least name,device,attribute"
                    + " (full header: " + String.join(",", CSV_HEADER) + ")"));
        }
        List<String> header = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        List<MetadataEntry> entries = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            if (row.size() != header.size()) {
                problems.add(where + ": " + row.size() + " fields, the header has " + header.size());
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), row.get(c));
            }
            addEntry(fields, where, entries, problems);
        }
        return new MetadataConfig(instrument, 0, null, null, checked(entries, problems));
    }

    /**
     * Reads a configuration file: CSV when its name ends in .csv (for {@code csvInstrument}, else the file's
     * name), JSON otherwise.
     */
    public static MetadataConfig read(java.nio.file.Path file, String csvInstrument)
            throws java.io.IOException, InvalidConfigException {
        String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return fromCsv(csvInstrument != null ? csvInstrument : name.replaceFirst("\\.[^.]*$", ""), text);
        }
        return fromJson(text);
    }

    private static void addEntry(Map<String, String> fields, String where, List<MetadataEntry> entries,
            List<String> problems) {
        MetadataEntry e = entry(fields, where, problems);
        if (e != null) {
            entries.add(e);
        }
    }

    /** The entries, once their names were checked; every problem found so far is thrown together. */
    private static List<MetadataEntry> checked(List<MetadataEntry> entries, List<String> problems)
            throws InvalidConfigException {
        checkNames(entries, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return entries;
    }

    private static MetadataEntry entry(Map<String, String> f, String where, List<String> problems) {
        int before = problems.size();
        String name = required(f, "name", where, problems);
        String device = required(f, "device", where, problems);
        String attribute = required(f, "attribute", where, problems);
        MetadataEntry.When when = MetadataEntry.When.END;
        String w = blankToNull(f.get("when"));
        if (w != null) {
            try {
                when = MetadataEntry.When.valueOf(w.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": when is '" + w + "', expected start, end or both");
            }
        }
        boolean enabled = true;
        String en = blankToNull(f.get("enabled"));
        if (en != null) {
            if (!en.equalsIgnoreCase("true") && !en.equalsIgnoreCase("false")) {
                problems.add(where + ": enabled is '" + en + "', expected true or false");
            }
            enabled = Boolean.parseBoolean(en);
        }
        if (problems.size() > before) {
            return null;
        }
        return new MetadataEntry(blankToNull(f.get("group")), name, device, attribute, blankToNull(f.get("unit")),
                when, enabled);
    }

    /** Names become scientificMetadata keys: they must be unique once made safe for MongoDB. */
    private static void checkNames(List<MetadataEntry> entries, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        for (MetadataEntry e : entries) {
            String key = MetadataKeys.safe(e.name());
            String previous = seen.putIfAbsent(key, e.name());
            if (previous != null) {
                problems.add("two entries are named '" + e.name() + "'" + (previous.equals(e.name()) ? ""
                        : " and '" + previous + "' (the same key '" + key + "' once stored)"));
            }
        }
    }

    private static String required(Map<String, String> f, String field, String where, List<String> problems) {
        String v = blankToNull(f.get(field));
        if (v == null) {
            problems.add(where + ": " + field + " is empty");
        }
        return v;
    }

    private static Instant parseTime(String s) throws InvalidConfigException {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidConfigException(List.of("savedAt '" + s + "' is not an ISO-8601 time"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
