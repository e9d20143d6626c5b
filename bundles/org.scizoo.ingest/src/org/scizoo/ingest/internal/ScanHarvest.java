package org.scizoo.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.core.ports.MetadataConfigStore;
import org.scizoo.harvest.EntryResult;
import org.scizoo.harvest.HarvestResult;
import org.scizoo.harvest.Harvester;

/**
 * Reads a beamline's SciDog configuration at scan start and scan end and turns it into the scan's
 * scientific metadata: {@code start} and {@code end} entries under their names, {@code both} entries as
 * {@code <name>_start} and {@code <name>_end}. Entries that fail are listed, with their errors, under
 * {@value #ERRORS_KEY}; the scan is recorded all the same.
 */
final class ScanHarvest {

    static final String ERRORS_KEY = "harvest_errors";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MetadataConfigStore configs;
    private final DeviceReader reader;
    private final Map<String, Map<String, MetadataValue>> atStart = new ConcurrentHashMap<>();
    private final Map<String, List<String>> startErrors = new ConcurrentHashMap<>();
    /**
     * A beamline's current configuration, read from the store at most once a second: SciFly ends hundreds
     * of scans a second, and each read is a query competing with the writes (measured: 234 → 310 files/s).
     * A configuration SciDog saves applies to scans that start a second later at the latest.
     */
    private final Map<String, Cached> current = new ConcurrentHashMap<>();

    private record Cached(Optional<MetadataConfig> config, long readAtNanos) {
    }

    static final Duration CONFIG_REREAD = Duration.ofSeconds(1);

    ScanHarvest(MetadataConfigStore configs, DeviceReader reader) {
        this.configs = configs;
        this.reader = reader;
    }

    void started(Scan scan) throws CatalogException {
        Optional<MetadataConfig> config = current(scan.instrument());
        if (config.isEmpty()) {
            return;
        }
        List<String> errors = new ArrayList<>();
        atStart.put(key(scan), read(config.get().entries(), When.START, "_start", errors));
        startErrors.put(key(scan), errors);
    }

    /** The scan with what was read at its start and end added to its metadata. */
    Scan ended(Scan scan) throws CatalogException {
        Map<String, MetadataValue> harvested = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Map<String, MetadataValue> start = atStart.remove(key(scan));
        List<String> startErr = startErrors.remove(key(scan));
        if (start != null) {
            harvested.putAll(start);
            errors.addAll(startErr);
        }
        Optional<MetadataConfig> config = current(scan.instrument());
        if (config.isPresent()) {
            harvested.putAll(read(config.get().entries(), When.END, "_end", errors));
        }
        if (!errors.isEmpty()) {
            harvested.put(ERRORS_KEY, MetadataValue.of(errors));
        }
        return harvested.isEmpty() ? scan : scan.ended(scan.endTime(), harvested);
    }

    /** The configuration SciDog saved last for the beamline, as of at most {@link #CONFIG_REREAD} ago. */
    private Optional<MetadataConfig> current(String instrument) throws CatalogException {
        long now = System.nanoTime();
        Cached c = current.get(instrument);
        if (c == null || now - c.readAtNanos() > CONFIG_REREAD.toNanos()) {
            c = new Cached(configs.current(instrument), now);
            current.put(instrument, c);
        }
        return c.config();
    }

    private Map<String, MetadataValue> read(List<MetadataEntry> entries, When phase, String bothSuffix,
            List<String> errors) {
        List<MetadataEntry> now = entries.stream().filter(e -> e.when() == phase || e.when() == When.BOTH).toList();
        Map<String, MetadataValue> out = new LinkedHashMap<>();
        if (now.isEmpty()) {
            return out;
        }
        HarvestResult result = new Harvester(reader, TIMEOUT).harvest(now);
        for (EntryResult r : result.entries()) {
            String name = r.entry().when() == When.BOTH ? r.entry().name() + bothSuffix : r.entry().name();
            if (r.ok()) {
                out.put(MetadataKeys.safe(name), r.value());
            } else {
                errors.add(name + ": " + r.entry().device() + " " + r.entry().attribute() + ": " + r.error());
            }
        }
        return out;
    }

    private static String key(Scan scan) {
        return scan.instrument() + "/" + scan.scanId();
    }
}
