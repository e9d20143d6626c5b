package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * SpecsLab Prodigy XY exports (.xy): {@code # Key: value} comment lines; {@code # Group:} and {@code # Region:}
 * open a group and a region, whose parameters follow until its first {@code # Cycle:}; data rows follow
 * each {@code # ColumnLabels:}. A curve with fewer rows than its region's {@code Values/Curve} is reported
 * as truncated.
 */
@Component(service = MetadataExtractor.class)
public class ProdigyXyExtractor implements MetadataExtractor {

    public static final String FORMAT = "SPECS Prodigy XY";
    private static final Set<String> SKIP = Set.of("region", "acquisition_date", "comment");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean supports(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xy");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        if (lines.isEmpty() || !lines.getFirst().contains("SpecsLab Prodigy")) {
            throw new IOException(name + " is not a SpecsLab Prodigy XY export (its first line does not say"
                    + " \"Created by: SpecsLab Prodigy\")");
        }
        String creator = lines.getFirst().replaceFirst("^#\\s*Created by:\\s*", "").strip();
        List<Map<String, String>> regions = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        Map<String, String> region = null;
        boolean inParameters = false;
        int rows = -1;
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith("#")) {
                if (!line.isEmpty() && rows >= 0) {
                    rows++;
                }
                continue;
            }
            String body = line.substring(1).strip();
            int colon = body.indexOf(':');
            if (colon <= 0) {
                continue; // a bare "#" between a curve's labels and its rows
            }
            if (rows > 0) {
                checkCurve(name, region, rows);
            }
            rows = -1;
            String key = body.substring(0, colon).strip();
            String value = body.substring(colon + 1).strip();
            switch (key) {
                case "Group" -> groups.add(value);
                case "Region" -> {
                    region = new LinkedHashMap<>();
                    region.put("Region", value);
                    region.put("Group", groups.isEmpty() ? "" : groups.getLast());
                    regions.add(region);
                    inParameters = true;
                }
                case "Cycle" -> inParameters = false;
                case "ColumnLabels" -> rows = 0;
                default -> {
                    if (region != null && inParameters) {
                        region.put(key, value);
                    }
                }
            }
        }
        checkCurve(name, region, rows);
        if (regions.isEmpty()) {
            throw new IOException(name + " holds no region (no \"# Region:\" line)");
        }
        Map<String, MetadataValue> metadata = HeaderValues.merge(regions, SKIP);
        metadata.put("software", MetadataValue.of(creator));
        return new FileMetadata(FORMAT, HeaderValues.time(HeaderValues.first(regions, "Acquisition Date"), null,
                ZoneId.of("UTC")), null, null, regions.stream().map(r -> r.get("Region")).toList(), metadata);
    }

    private static void checkCurve(String name, Map<String, String> region, int rows) throws IOException {
        if (region == null || rows < 0) {
            return;
        }
        Object expected = HeaderValues.value(region.getOrDefault("Values/Curve", "-1"));
        if (expected instanceof Long n && rows < n) {
            throw new IOException(name + " is truncated: a curve of region " + region.get("Region") + " has "
                    + rows + " of its " + n + " values");
        }
    }
}
