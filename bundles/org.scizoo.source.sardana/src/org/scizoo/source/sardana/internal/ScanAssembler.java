package org.scizoo.source.sardana.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.source.sardana.MacroStatusPacket;
import org.scizoo.source.sardana.RecordDataPacket;
import org.scizoo.source.sardana.RecordDataPacket.DataDesc;
import org.scizoo.source.sardana.RecordDataPacket.RecordData;
import org.scizoo.source.sardana.RecordDataPacket.RecordEnd;
import org.scizoo.core.model.ScanOutcome;

/**
 * Turns a Door's packets into scan-started / scan-ended events, one scan per macro id: data_desc starts
 * it, record_data counts points, record_end and the macro's final {@code MacroStatus} end it with its
 * outcome. Sardana sends the record_end whether the scan finished, was stopped, aborted or failed, and the
 * macro's final status only after it (on another attribute, so possibly in either order here): a scan
 * ends when both have come, or {@link #WAIT} after the first of them. A scan whose record_end never comes
 * (the Door lost, another scan begun) is ended all the same and says so; a record_end without its
 * data_desc (the Door was subscribed mid-scan) is reported, not invented into a scan. Listener calls are
 * made outside the lock (a scan's end harvests devices, which takes time).
 */
public final class ScanAssembler {

    /** How long the one of record_end and the final macro status waits for the other. */
    public static final Duration WAIT = Duration.ofSeconds(3);

    private static final class Running {
        final Scan scan;
        long points;
        /** The record_end's time, once it came. */
        Instant recordEnd;
        /** The macro's final status, once it came, and when. */
        MacroStatusPacket.Status status;
        Instant statusAt;
        Instant deadline;

        Running(Scan scan) {
            this.scan = scan;
        }
    }

    private final String instrument;
    private final String proposalId;
    private final String door;
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** True while the Door's MacroStatus events are followed: only then is a record_end's outcome waited for. */
    private volatile boolean statusFollowed;

    public ScanAssembler(String instrument, String proposalId, String door) {
        this.instrument = instrument;
        this.proposalId = proposalId;
        this.door = door;
    }

    /** Whether the Door's MacroStatus is subscribed to (a Door without it: outcomes come from the points). */
    public void followingStatus(boolean followed) {
        statusFollowed = followed;
    }

    public void accept(RecordDataPacket packet, ScanListener listener, Instant now) {
        List<Scan> ended = new ArrayList<>();
        Scan started = null;
        String problem = null;
        synchronized (this) {
            switch (packet) {
                case DataDesc d -> {
                    // a Door runs one macro at a time: a scan still open here never sent its record_end
                    endAll("another scan (macro " + d.macroId() + ") began before its record_end", now, ended);
                    started = start(d);
                    running.put(d.macroId(), new Running(started));
                }
                case RecordData r -> {
                    Running at = running.get(r.macroId());
                    if (at != null) {
                        at.points++;
                    }
                }
                case RecordEnd e -> {
                    Running at = running.get(e.macroId());
                    if (at == null) {
                        problem = "record_end of macro " + e.macroId() + " without its data_desc"
                                + " (subscribed mid-scan?): not recorded";
                    } else {
                        at.recordEnd = e.endTime();
                        if (at.status != null || !statusFollowed) {
                            ended.add(end(running.remove(e.macroId())));
                        } else {
                            at.deadline = now.plus(WAIT);
                        }
                    }
                }
                case RecordDataPacket.Other o -> {
                    // other packet types carry nothing SciFish records
                }
            }
        }
        if (problem != null) {
            listener.sourceProblem(door, problem, null);
        }
        if (started != null) {
            listener.scanStarted(started);
        }
        ended.forEach(listener::scanEnded);
    }

    /** A change of the Door's MacroStatus: a scan's macro that ended gives the scan its outcome. */
    public void accept(MacroStatusPacket packet, ScanListener listener, Instant now) {
        List<Scan> ended = new ArrayList<>();
        synchronized (this) {
            for (MacroStatusPacket.Status s : packet.statuses()) {
                Running at = s.isFinal() ? running.get(s.macroId()) : null;
                if (at == null || at.status != null) {
                    continue; // a macro that is no scan of ours (mv, wa…), or its status said twice
                }
                at.status = s;
                at.statusAt = now;
                if (at.recordEnd != null) {
                    ended.add(end(running.remove(s.macroId())));
                } else {
                    at.deadline = now.plus(WAIT);
                }
            }
        }
        ended.forEach(listener::scanEnded);
    }

    /** Ends the scans that waited {@link #WAIT} for the other half of their end. Called every so often. */
    public void tick(ScanListener listener, Instant now) {
        List<Scan> ended = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Running> it = running.values().iterator(); it.hasNext();) {
                Running r = it.next();
                if (r.deadline != null && !now.isBefore(r.deadline)) {
                    it.remove();
                    ended.add(r.recordEnd != null ? end(r) : endWithout(r, null, now));
                }
            }
        }
        ended.forEach(listener::scanEnded);
    }

    /** The Door's events were lost: a scan that was running cannot end normally any more. */
    public void doorLost(String why, ScanListener listener, Instant now) {
        List<Scan> ended = new ArrayList<>();
        synchronized (this) {
            endAll("the Door was lost: " + why, now, ended);
        }
        ended.forEach(listener::scanEnded);
    }

    private void endAll(String why, Instant now, List<Scan> ended) {
        for (Running r : running.values()) {
            ended.add(r.recordEnd != null ? end(r) : endWithout(r, why, now));
        }
        running.clear();
    }

    private Scan start(DataDesc d) {
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        m.put("sardana_door", MetadataValue.of(door));
        m.put("sardana_macro_id", MetadataValue.of(d.macroId()));
        m.put("ref_moveables", MetadataValue.of(d.refMoveables()));
        if (d.totalScanIntervals() >= 0) {
            m.put(ScanOutcome.PLANNED_POINTS, MetadataValue.of(d.totalScanIntervals() + 1));
        }
        if (d.estimatedTime() != null) {
            m.put(ScanOutcome.ESTIMATED_TIME, MetadataValue.of(d.estimatedTime(), "s"));
        }
        Double integration = MacroTitles.integrationTime(d.title());
        if (integration != null) {
            m.put(ScanOutcome.INTEGRATION_TIME, MetadataValue.of(integration, "s"));
        }
        if (!d.scanFiles().isEmpty()) {
            m.put(ScanOutcome.SCAN_FILE, MetadataValue.of(d.scanFiles()));
        }
        if (d.scanDir() != null) {
            m.put(ScanOutcome.SCAN_DIR, MetadataValue.of(d.scanDir()));
        }
        return new Scan(instrument, d.serialNo(), d.title(), d.detectors(), d.scanDir(),
                d.scanFiles().isEmpty() ? null : d.scanFiles().get(0), d.startTime(), null, proposalId, null, m);
    }

    /** A scan whose record_end came: the outcome is the macro's, or judged by its points when unknown. */
    private static Scan end(Running r) {
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        m.put(ScanOutcome.POINTS, MetadataValue.of(r.points));
        if (r.status != null) {
            m.put(ScanOutcome.OUTCOME, MetadataValue.of(r.status.outcome()));
            if (r.status.error() != null) {
                m.put(ScanOutcome.ERROR, MetadataValue.of(r.status.error()));
            }
        } else {
            Object planned = r.scan.metadata().get(ScanOutcome.PLANNED_POINTS) == null ? null
                    : r.scan.metadata().get(ScanOutcome.PLANNED_POINTS).value();
            boolean allPoints = planned instanceof Number n && n.longValue() == r.points;
            m.put(ScanOutcome.OUTCOME, MetadataValue.of(allPoints ? ScanOutcome.FINISHED : ScanOutcome.UNKNOWN));
        }
        return r.scan.ended(r.recordEnd, m);
    }

    private static Scan endWithout(Running r, String why, Instant now) {
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        m.put(ScanOutcome.POINTS, MetadataValue.of(r.points));
        m.put(ScanOutcome.OUTCOME, MetadataValue.of(ScanOutcome.NO_RECORD_END));
        String said = r.status == null ? why
                : "the macro ended (Sardana: '" + r.status.state() + "'" + (r.status.error() == null ? ""
                        : ", " + r.status.error()) + ") without a record_end";
        m.put(ScanOutcome.ERROR, MetadataValue.of(said));
        return r.scan.ended(r.statusAt != null ? r.statusAt : now, m);
    }
}
