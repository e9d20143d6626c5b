package org.scizoo.config.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.harvest.EntryResult;
import org.scizoo.harvest.HarvestResult;
import org.scizoo.harvest.Harvester;

/**
 * Checks the editor's rows against the devices: one harvest of every row (disabled ones too: they are
 * checked, just not recorded), grouped by device and in parallel. Blocking: run it in a job.
 */
public final class RowValidator {

    private final Harvester harvester;

    public RowValidator(DeviceReader reader, Duration timeout) {
        this.harvester = new Harvester(reader, timeout);
    }

    /** One check per row, in row order. Rows with empty fields are reported without asking a device. */
    public List<RowCheck> check(List<MetadataEntry> rows) {
        List<MetadataEntry> askable = new ArrayList<>();
        for (MetadataEntry e : rows) {
            if (!e.device().isBlank() && !e.attribute().isBlank()) {
                askable.add(new MetadataEntry(e.group(), "row" + askable.size(), e.device(), e.attribute(), e.unit(),
                        e.when(), true));
            }
        }
        HarvestResult result = harvester.harvest(askable);
        List<RowCheck> out = new ArrayList<>();
        int next = 0;
        for (MetadataEntry e : rows) {
            if (e.device().isBlank() || e.attribute().isBlank()) {
                out.add(RowCheck.problem("give a device and an attribute"));
                continue;
            }
            EntryResult r = result.entries().get(next++);
            out.add(r.ok()
                    ? new RowCheck(true, String.valueOf(r.reading().value()), r.unit(), r.reading().quality(), null)
                    : RowCheck.problem(r.error()));
        }
        return out;
    }
}
