package org.scizoo.ingest.internal;

import java.util.Map;
import java.util.Optional;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataConfigStore;
import org.scizoo.core.ports.ScanEventSourceFactory;
import org.scizoo.core.ports.ScanListener;

/**
 * Saves a source kind's default SciDog configuration ({@link ScanEventSourceFactory#defaultConfiguration})
 * as its instrument's first version, when the instrument has none: a configuration someone saved, however
 * small, is never replaced. A store that refuses is reported; the source starts all the same.
 */
final class DefaultConfigurations {

    private DefaultConfigurations() {
    }

    static void saveIfNone(ScanEventSourceFactory factory, Map<String, String> options, MetadataConfigStore configs,
            ScanListener reports) {
        Optional<MetadataConfig> defaults;
        try {
            defaults = factory.defaultConfiguration(options);
        } catch (RuntimeException e) {
            reports.sourceProblem(factory.kind(), "its default SciDog configuration cannot be made: " + e, e);
            return;
        }
        if (defaults.isEmpty()) {
            return;
        }
        MetadataConfig c = defaults.get();
        try {
            if (configs.current(c.instrument()).isEmpty()) {
                configs.save(c.instrument(), c.entries(), c.author());
            }
        } catch (CatalogException e) {
            reports.sourceProblem(c.instrument(), "its default SciDog configuration was not saved: " + e.getMessage(),
                    e);
        }
    }
}
