package org.scizoo.scanlog.core;

import java.util.List;

/** What a Scanlog shows before anyone chose: what a beamline scientist looks at first. */
public final class ScanlogDefaults {

    /** The default columns, in order; those a beamline's data does not have are left out. */
    public static final List<String> COLUMNS = List.of("scan", "startTime", "pi", "name", "sm.scan_command",
            "sm.detectors", "dataPath", "sm.outcome", "sm.T01", "sm.T02", "sm.sample_description", "sm.eiger_nbimages",
            "comment", "images", "rating", "quality");

    /** How a scan ended ({@code scientificMetadata.outcome}, written by SciFish); "finished" when complete. */
    public static final String OUTCOME = "sm.outcome";
    public static final String FINISHED = "finished";

    private ScanlogDefaults() {
    }

    /** True for a scan that says how it ended, and did not finish (stopped, aborted, failed, no record_end…). */
    public static boolean incomplete(ScanTable table, int row) {
        ScanColumn outcome = table.column(OUTCOME);
        String text = outcome == null ? null : outcome.text(row);
        return text != null && !text.isEmpty() && !text.equals(FINISHED);
    }

    /** The default columns the table has. */
    public static List<String> columns(ScanTable table) {
        return COLUMNS.stream().filter(id -> table.column(id) != null).toList();
    }
}
