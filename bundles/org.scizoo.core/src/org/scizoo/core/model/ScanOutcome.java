package org.scizoo.core.model;

/**
 * How a scan ended, as its dataset records it ({@code scientificMetadata.outcome}), with the
 * metadata keys SciFish writes about it. Anything but {@link #FINISHED} is an incomplete scan.
 */
public final class ScanOutcome {

    /** The macro ran to its end. */
    public static final String FINISHED = "finished";
    /** Stopped by the user (Sardana's stop: the scan ends at the next point). */
    public static final String STOPPED = "stopped";
    /** Aborted by the user (Ctrl-C in spock, or the Door's Abort). */
    public static final String ABORTED = "aborted";
    /** The macro raised: {@link #ERROR} has the exception's text. */
    public static final String FAILED = "failed";
    /** The scan's record_end never came (the Door was lost, or restarted, or began another scan). */
    public static final String NO_RECORD_END = "ended without record_end";
    /** A record_end came, but the Door said nothing of the macro's end within the wait. */
    public static final String UNKNOWN = "unknown (the Door gave no macro status)";

    /** Metadata keys. */
    public static final String OUTCOME = "outcome";
    public static final String ERROR = "error";
    public static final String POINTS = "points";
    public static final String PLANNED_POINTS = "planned_points";
    public static final String ESTIMATED_TIME = "estimated_time";
    public static final String INTEGRATION_TIME = "integration_time";
    public static final String SCAN_FILE = "scan_file";
    public static final String SCAN_DIR = "scan_dir";

    private ScanOutcome() {
    }
}
