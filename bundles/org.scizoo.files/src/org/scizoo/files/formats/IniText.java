package org.scizoo.files.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key=value sections Scienta's SES writes (in .txt exports, Igor wave notes and DA30 .ini files):
 * {@code [Section]} lines, then {@code Key=Value} lines. Lines of a section that are no key=value (the
 * data of a {@code [Data 1]} section) are kept apart, counted.
 */
final class IniText {

    /** One section: its entries in file order and its other non-empty lines. */
    record Section(String name, Map<String, String> entries, List<String> lines) {
    }

    private IniText() {
    }

    static Map<String, Section> parse(String text) {
        Map<String, Section> sections = new LinkedHashMap<>();
        Section current = new Section("", new LinkedHashMap<>(), new ArrayList<>());
        sections.put("", current);
        // String.lines() splits at \n, \r and \r\n as SES files may have them, without a regular expression
        // (a regex split was a third of reading a file)
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Section(line.substring(1, line.length() - 1).strip(), new LinkedHashMap<>(),
                        new ArrayList<>());
                sections.put(current.name(), current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                current.entries().put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                current.lines().add(line);
            }
        }
        return sections;
    }
}
