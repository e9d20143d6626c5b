package org.scizoo.core.ports;

import java.util.List;
import java.util.Map;

/**
 * Which scan sources a session runs, each a {@link ScanEventSourceFactory#kind()} with its options:
 * {@code sim} with {@code interval=3s} is the embedded default's simulated beamline. With
 * {@code liveFeed}, a session on a shared backend (Kafka) also reports every beamline's new datasets as
 * they are published (a workbench's live Scanlog), not only its own.
 */
public record IngestOptions(List<SourceSpec> sources, boolean liveFeed) {

    public record SourceSpec(String kind, Map<String, String> options) {
        public SourceSpec {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    public IngestOptions {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public IngestOptions(List<SourceSpec> sources) {
        this(sources, false);
    }

    /** The same sources, and every beamline's new datasets from the shared backend. */
    public IngestOptions withLiveFeed() {
        return new IngestOptions(sources, true);
    }

    public static IngestOptions none() {
        return new IngestOptions(List.of());
    }

    public static IngestOptions simulated(String interval) {
        return new IngestOptions(List.of(new SourceSpec("sim", Map.of("interval", interval))));
    }
}
