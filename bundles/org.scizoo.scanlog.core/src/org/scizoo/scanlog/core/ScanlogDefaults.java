package org.scizoo.scanlog.core;

import java.util.List;

/** What a Scanlog shows before anyone chose: what a beamline scientist looks at first. */
public final class ScanlogDefaults {

    /** The default columns, in order; those a beamline's data does not have are left out. */
    public static final List<String> COLUMNS = List.of("scan", "startTime", "pi", "name", "sm.scan_command",
            "sm.detectors", "dataPath", "sm.T01", "sm.T02", "sm.sample_description", "sm.eiger_nbimages", "rating",
            "quality", "comment");

    private ScanlogDefaults() {
    }

    /** The default columns the table has. */
    public static List<String> columns(ScanTable table) {
        return COLUMNS.stream().filter(id -> table.column(id) != null).toList();
    }
}
