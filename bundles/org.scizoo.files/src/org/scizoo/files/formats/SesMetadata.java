package org.scizoo.files.formats;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataValue;

/**
 * What Scienta SES's region entries mean, for every SES format (.txt, .ibw, .pxt, DA30 .zip): the Step Time
 * in ms becomes {@code dwell_time} in s, the acquisition start is Date + Time (in the computer's zone: SES
 * writes no zone), Sample and User are named, the long axis scales are left out.
 */
final class SesMetadata {

    /** Keys not worth a metadata entry: the axis values (hundreds of numbers) and the step time (→ dwell_time). */
    private static final Set<String> SKIP = Set.of("dimension_1_scale", "dimension_2_scale", "dimension_3_scale",
            "step_time", "date", "time", "comments");

    private SesMetadata() {
    }

    static FileMetadata of(String format, List<Map<String, String>> regions, ZoneId zone) {
        Map<String, MetadataValue> metadata = HeaderValues.merge(regions, SKIP);
        List<Object> dwell = regions.stream().map(r -> {
            Object ms = r.get("Step Time") == null ? null : HeaderValues.value(r.get("Step Time"));
            return ms instanceof Number n ? (Object) (n.doubleValue() / 1000) : null;
        }).toList();
        if (dwell.stream().anyMatch(d -> d != null)) {
            metadata.put("dwell_time", new MetadataValue(regions.size() == 1 ? dwell.getFirst() : dwell, "s"));
        }
        String comments = HeaderValues.first(regions, "Comments");
        if (comments != null && !comments.equals(";")) {
            metadata.put("comments", MetadataValue.of(comments));
        }
        List<String> names = regions.stream().map(r -> r.getOrDefault("Region Name", "")).toList();
        return new FileMetadata(format,
                HeaderValues.time(HeaderValues.first(regions, "Date"), HeaderValues.first(regions, "Time"), zone),
                HeaderValues.first(regions, "Sample"), HeaderValues.first(regions, "User"), names, metadata);
    }
}
