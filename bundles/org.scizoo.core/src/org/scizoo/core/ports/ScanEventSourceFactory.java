package org.scizoo.core.ports;

import java.util.Map;
import java.util.Optional;

import org.scizoo.core.model.MetadataConfig;

/**
 * Makes {@link ScanEventSource}s of one kind ({@code sim}, {@code sardana}, {@code files}); an OSGi
 * service, so a beamline's own plug-in can add a kind without touching the ingestion.
 */
public interface ScanEventSourceFactory {

    String kind();

    /** @param options the kind's own options (interval, door name, folder, …), by name */
    ScanEventSource create(Map<String, String> options);

    /**
     * The SciDog configuration a beamline of this kind starts with (the simulated beamline's devices), saved
     * as its instrument's first version when it has none, so its scans record something from the start and
     * the configuration can be edited like any other. Most kinds have none.
     */
    default Optional<MetadataConfig> defaultConfiguration(Map<String, String> options) {
        return Optional.empty();
    }
}
