package org.scizoo.source.sardana;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * One packet of a Sardana Door's {@code RecordData} attribute as its JsonRecorder sends it: UTF-8 JSON
 * {@code {"type": …, "data": {…}, "macro_id": "…"}} in a DevEncoded value of format {@code utf8_json}.
 */
public sealed interface RecordDataPacket {

    String macroId();

    /**
     * {@code data_desc}: the scan starts.
     *
     * @param totalScanIntervals Sardana's {@code total_scan_intervals} (the points planned, less one), or -1
     * @param estimatedTime Sardana's {@code estimatedtime} in seconds, or null
     */
    record DataDesc(String macroId, long serialNo, String title, Instant startTime, String scanDir,
            List<String> scanFiles, List<String> refMoveables, List<String> detectors, long totalScanIntervals,
            Double estimatedTime) implements RecordDataPacket {
    }

    /** {@code record_data}: one point. */
    record RecordData(String macroId, long pointNb) implements RecordDataPacket {
    }

    /** {@code record_end}: the scan ended. */
    record RecordEnd(String macroId, Instant endTime) implements RecordDataPacket {
    }

    /** A packet of another type (Sardana sends a few more); ignored. */
    record Other(String macroId, String type) implements RecordDataPacket {
    }

    /** ctime strings such as {@code "Sat Nov 21 08:53:40 2026"}, in the Door's local time. */
    DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    /**
     * @throws IllegalArgumentException saying what is wrong with the packet (format, JSON, missing field)
     */
    static RecordDataPacket parse(String format, byte[] data, ZoneId doorZone) {
        if (!"utf8_json".equals(format) && !"json".equals(format)) {
            throw new IllegalArgumentException("RecordData format is '" + format + "', expected utf8_json");
        }
        Document packet;
        try {
            packet = Document.parse(new String(data, StandardCharsets.UTF_8));
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("RecordData is not JSON: " + e.getMessage());
        }
        String type = packet.get("type") instanceof String t ? t : null;
        if (type == null) {
            throw new IllegalArgumentException("RecordData packet has no type");
        }
        String macroId = packet.get("macro_id") == null ? "" : packet.get("macro_id").toString();
        Document d = packet.get("data") instanceof Document doc ? doc : new Document();
        return switch (type) {
            case "data_desc" -> dataDesc(macroId, d, doorZone);
            case "record_data" -> new RecordData(macroId, d.get("point_nb") instanceof Number n ? n.longValue() : -1);
            case "record_end" -> new RecordEnd(macroId, time(d.get("endtime"), doorZone, Instant.now()));
            default -> new Other(macroId, type);
        };
    }

    private static DataDesc dataDesc(String macroId, Document d, ZoneId zone) {
        if (!(d.get("serialno") instanceof Number serial)) {
            throw new IllegalArgumentException("data_desc without a serialno");
        }
        String title = d.get("title") instanceof String t ? t : "";
        List<String> files = d.get("scanfile") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : d.get("scanfile") instanceof String s ? List.of(s) : List.of();
        List<String> moveables = strings(d.get("ref_moveables"));
        List<String> counters = strings(d.get("counters"));
        // Counters are named by full Tango URI and labelled ct01, …: the labels are what users read.
        List<String> detectors = new ArrayList<>();
        List<?> columns = d.get("column_desc") instanceof List<?> c ? c : List.of();
        for (String counter : counters) {
            String label = counter;
            for (Object o : columns) {
                if (o instanceof Document col && counter.equals(col.get("name"))
                        && col.get("label") instanceof String lb) {
                    label = lb;
                }
            }
            detectors.add(label);
        }
        return new DataDesc(macroId, serial.longValue(), title, time(d.get("starttime"), zone, Instant.now()),
                d.get("scandir") instanceof String dir ? dir : null, files, moveables, detectors,
                d.get("total_scan_intervals") instanceof Number n ? n.longValue() : -1,
                d.get("estimatedtime") instanceof Number t && Double.isFinite(t.doubleValue()) ? t.doubleValue()
                        : null);
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Instant time(Object o, ZoneId zone, Instant fallback) {
        if (!(o instanceof String s) || s.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(s.strip().replaceAll("\\s+", " "), CTIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return fallback; // a time we cannot read is not worth losing the scan over
        }
    }
}
