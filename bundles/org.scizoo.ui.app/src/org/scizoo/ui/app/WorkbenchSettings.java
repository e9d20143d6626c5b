package org.scizoo.ui.app;

import java.nio.file.Path;

import org.scizoo.core.model.Durations;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.IngestOptions;

/**
 * The workbench's backend choice, from the system properties the {@code scizoo} launcher sets from its
 * command line: {@code scizoo.data} (--data), {@code scizoo.mongo.uri} (--mongo-uri),
 * {@code scizoo.sim} (--no-sim turns the simulated beamline off) and {@code scizoo.sim.interval}.
 */
public record WorkbenchSettings(BackendSettings backend, IngestOptions ingest) {

    public static final String DATA = "scizoo.data";
    public static final String MONGO_URI = "scizoo.mongo.uri";
    public static final String SIM = "scizoo.sim";
    public static final String SIM_INTERVAL = "scizoo.sim.interval";

    /** @throws IllegalArgumentException naming the property whose value is wrong */
    public static WorkbenchSettings fromSystemProperties() {
        String data = System.getProperty(DATA);
        Path dir = data == null || data.isBlank() ? BackendSettings.defaultDataDir() : Path.of(data);
        BackendSettings backend = new BackendSettings(dir, System.getProperty(MONGO_URI), null);
        // The simulated beamline is the embedded default's data source; a shared backend has real ones.
        boolean sim = Boolean.parseBoolean(System.getProperty(SIM, Boolean.toString(backend.isEmbedded())));
        String interval = System.getProperty(SIM_INTERVAL, "3s");
        try {
            Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sim-interval: " + e.getMessage(), e);
        }
        return new WorkbenchSettings(backend, sim ? IngestOptions.simulated(interval) : IngestOptions.none());
    }
}
