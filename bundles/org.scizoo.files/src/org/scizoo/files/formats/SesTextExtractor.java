package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * Scienta SES text exports (.txt): {@code [Info]}, then per region {@code [Region n]}, {@code [Info n]},
 * {@code [Run Mode Information n]} and {@code [Data n]}. Every key of a region's sections is kept. A file
 * whose data stops before the rows its region announces is reported as truncated.
 */
@Component(service = MetadataExtractor.class)
public class SesTextExtractor implements MetadataExtractor {

    public static final String FORMAT = "Scienta SES text";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean supports(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        return extract(file, ZoneId.systemDefault());
    }

    /** SES writes the acquisition computer's local date and time, without a zone. */
    @Override
    public FileMetadata extract(Path file, ZoneId clocks) throws IOException {
        // SES writes the Windows code page; ISO-8859-1 reads every byte (µ, ° and Å come out right for 1252)
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        Map<String, IniText.Section> sections = IniText.parse(text);
        IniText.Section info = sections.get("Info");
        if (info == null || text.indexOf('\0') >= 0) {
            throw new IOException(file.getFileName() + " is not a Scienta SES text export (no [Info] section"
                    + (text.indexOf('\0') >= 0 ? "; the file holds NUL bytes: another encoding or binary" : "") + ")");
        }
        int announced = intOr(info.entries().get("Number of Regions"), -1);
        List<Map<String, String>> regions = new ArrayList<>();
        for (int n = 1; sections.containsKey("Info " + n) || sections.containsKey("Region " + n); n++) {
            Map<String, String> region = new LinkedHashMap<>();
            for (String part : new String[] { "Region ", "Info ", "Run Mode Information " }) {
                IniText.Section s = sections.get(part + n);
                if (s != null) {
                    region.putAll(s.entries());
                }
            }
            region.putIfAbsent("Version", info.entries().get("Version"));
            checkData(file, n, region, sections.get("Data " + n));
            regions.add(region);
        }
        if (regions.isEmpty() || (announced > 0 && regions.size() < announced)) {
            throw new IOException(file.getFileName() + " is truncated: " + announced + " regions announced, "
                    + regions.size() + " found");
        }
        return SesMetadata.of(FORMAT, regions, clocks);
    }

    private static void checkData(Path file, int n, Map<String, String> region, IniText.Section data)
            throws IOException {
        int rows = intOr(region.get("Dimension 1 size"), -1);
        if (rows <= 0) {
            return;
        }
        int found = data == null ? 0 : data.lines().size();
        if (found < rows) {
            throw new IOException(file.getFileName() + " is truncated: [Data " + n + "] has " + found + " of the "
                    + rows + " rows region " + n + " announces");
        }
    }

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
