package org.scizoo.core.ports;

import java.util.List;
import java.util.Map;

/**
 * Which scan sources a session runs, each a {@link ScanEventSourceFactory#kind()} with its options:
 * {@code sim} with {@code interval=3s} is the embedded default's simulated beamline.
 */
public record IngestOptions(List<SourceSpec> sources) {

    public record SourceSpec(String kind, Map<String, String> options) {
        public SourceSpec {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    public IngestOptions {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static IngestOptions none() {
        return new IngestOptions(List.of());
    }

    public static IngestOptions simulated(String interval) {
        return new IngestOptions(List.of(new SourceSpec("sim", Map.of("interval", interval))));
    }
}
