package org.scizoo.source.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.Durations;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;

/**
 * Source kind {@code sim}. Options: {@code interval} (default 3s), {@code firstScanId} (default: from the
 * clock, so restarts keep ids increasing), {@code seed}. Its beamline comes with a SciDog configuration of
 * its simulated devices, saved when the instrument has none.
 */
@Component(service = ScanEventSourceFactory.class)
public class SimulatedBeamlineFactory implements ScanEventSourceFactory {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

    @Override
    public String kind() {
        return "sim";
    }

    @Override
    public ScanEventSource create(Map<String, String> options) {
        Duration interval = options.containsKey("interval") ? Durations.parse(options.get("interval"))
                : DEFAULT_INTERVAL;
        // Seconds since 2026-01-01 keep scan ids unique and increasing across restarts of the demo.
        long firstId = options.containsKey("firstScanId") ? Long.parseLong(options.get("firstScanId"))
                : (System.currentTimeMillis() / 1000 - 1_767_225_600L);
        long seed = options.containsKey("seed") ? Long.parseLong(options.get("seed")) : System.nanoTime();
        return new SimulatedBeamline(interval, firstId, seed, Clock.systemUTC());
    }

    /** Its devices' configuration ({@link SimulatedSaxsDevices#configuration()}), saved once as version 1. */
    @Override
    public Optional<MetadataConfig> defaultConfiguration(Map<String, String> options) {
        return Optional.of(new MetadataConfig(SimulatedBeamline.INSTRUMENT, 0, "scizoo (the simulated beamline)", null,
                SimulatedSaxsDevices.configuration()));
    }
}
