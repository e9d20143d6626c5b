package org.scizoo.source.sardana.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.source.sardana.RecordDataPacket;
import org.scizoo.source.sardana.RecordDataPacket.DataDesc;
import org.scizoo.source.sardana.RecordDataPacket.RecordData;
import org.scizoo.source.sardana.RecordDataPacket.RecordEnd;

/**
 * Turns a Door's packets into scan-started / scan-ended events, one scan per macro id: data_desc starts
 * it, record_data counts points, record_end ends it. A record_end without its data_desc (the Door was
 * subscribed mid-scan) is reported, not invented into a scan.
 */
public final class ScanAssembler {

    private record Running(Scan scan, long points) {
    }

    private final String instrument;
    private final String proposalId;
    private final String door;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public ScanAssembler(String instrument, String proposalId, String door) {
        this.instrument = instrument;
        this.proposalId = proposalId;
        this.door = door;
    }

    public void accept(RecordDataPacket packet, ScanListener listener) {
        switch (packet) {
        case DataDesc d -> {
            Map<String, MetadataValue> m = new LinkedHashMap<>();
            m.put("sardana_door", MetadataValue.of(door));
            m.put("sardana_macro_id", MetadataValue.of(d.macroId()));
            m.put("ref_moveables", MetadataValue.of(d.refMoveables()));
            Scan scan = new Scan(instrument, d.serialNo(), d.title(), d.detectors(), d.scanDir(),
                    d.scanFiles().isEmpty() ? null : d.scanFiles().get(0), d.startTime(), null, proposalId, null, m);
            running.put(d.macroId(), new Running(scan, 0));
            listener.scanStarted(scan);
        }
        case RecordData r -> running.computeIfPresent(r.macroId(), (k, v) -> new Running(v.scan(), v.points() + 1));
        case RecordEnd e -> {
            Running r = running.remove(e.macroId());
            if (r == null) {
                listener.sourceProblem(door, "record_end of macro " + e.macroId() + " without its data_desc"
                        + " (subscribed mid-scan?): not recorded", null);
                return;
            }
            listener.scanEnded(r.scan().ended(e.endTime(), Map.of("points", MetadataValue.of(r.points()))));
        }
        case RecordDataPacket.Other o -> {
            // other packet types carry nothing SciFish records
        }
        }
    }
}
