package org.scizoo.harvest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.ports.AttributeReading;
import org.scizoo.core.ports.DeviceReader;

/**
 * Reads a configuration's attributes: one request per device for all of its attributes, all devices at
 * once, each bounded by a timeout. A device that is offline, slow or lacks an attribute turns into errors
 * for those entries only; the harvest itself never fails and never waits past its deadline.
 */
public final class Harvester {

    /** How much longer than the device timeout a harvest waits before it gives up on a device. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final DeviceReader reader;
    private final Duration timeout;

    public Harvester(DeviceReader reader, Duration timeout) {
        this.reader = reader;
        this.timeout = timeout;
    }

    /** Grouped by device and in parallel: the way scans are harvested. */
    public HarvestResult harvest(List<MetadataEntry> config) {
        long t0 = System.nanoTime();
        List<MetadataEntry> enabled = config.stream().filter(MetadataEntry::enabled).toList();
        Map<String, List<MetadataEntry>> byDevice = new LinkedHashMap<>();
        for (MetadataEntry e : enabled) {
            byDevice.computeIfAbsent(e.device(), d -> new ArrayList<>()).add(e);
        }
        Map<MetadataEntry, AttributeReading> readings = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<List<AttributeReading>>> futures = new LinkedHashMap<>();
            byDevice.forEach((device, entries) -> futures.put(device, pool.submit(() -> reader.read(device,
                    entries.stream().map(MetadataEntry::attribute).distinct().toList(), timeout))));
            long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos();
            for (Map.Entry<String, Future<List<AttributeReading>>> f : futures.entrySet()) {
                List<MetadataEntry> entries = byDevice.get(f.getKey());
                List<AttributeReading> got = await(f.getValue(), deadline, f.getKey(), entries);
                for (MetadataEntry e : entries) {
                    readings.put(e, find(got, e));
                }
            }
            pool.shutdownNow(); // a device that never answered must not hold the harvest
        }
        return result(enabled, readings, t0);
    }

    /** One request per attribute, one after the other: the naive way, kept as the benchmark's baseline. */
    public HarvestResult harvestOneByOne(List<MetadataEntry> config) {
        long t0 = System.nanoTime();
        List<MetadataEntry> enabled = config.stream().filter(MetadataEntry::enabled).toList();
        Map<MetadataEntry, AttributeReading> readings = new LinkedHashMap<>();
        for (MetadataEntry e : enabled) {
            readings.put(e, find(reader.read(e.device(), List.of(e.attribute()), timeout), e));
        }
        return result(enabled, readings, t0);
    }

    private List<AttributeReading> await(Future<List<AttributeReading>> f, long deadline, String device,
            List<MetadataEntry> entries) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return failed(device, entries, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(device, entries, "read failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(device, entries, "harvest interrupted");
        }
    }

    private static List<AttributeReading> failed(String device, List<MetadataEntry> entries, String why) {
        return entries.stream().map(e -> AttributeReading.failed(device, e.attribute(), why)).toList();
    }

    private static AttributeReading find(List<AttributeReading> got, MetadataEntry e) {
        for (AttributeReading r : got) {
            if (r.attribute().equalsIgnoreCase(e.attribute())) {
                return r;
            }
        }
        return AttributeReading.failed(e.device(), e.attribute(), "the device did not return this attribute");
    }

    private static HarvestResult result(List<MetadataEntry> enabled, Map<MetadataEntry, AttributeReading> readings,
            long t0) {
        List<EntryResult> out = new ArrayList<>();
        for (MetadataEntry e : enabled) {
            out.add(new EntryResult(e, readings.get(e)));
        }
        return new HarvestResult(out, Duration.ofNanos(System.nanoTime() - t0));
    }
}
