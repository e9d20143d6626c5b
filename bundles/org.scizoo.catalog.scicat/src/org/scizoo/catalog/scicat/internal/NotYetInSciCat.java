package org.scizoo.catalog.scicat.internal;

import java.util.List;
import java.util.Optional;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.ScanlogLayout;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.LayoutStore;
import org.scizoo.core.ports.MetadataConfigStore;

/**
 * What SciZoo keeps beside SciCat's documents and has no home in SciCat mode yet (the Scanlog's layouts,
 * SciDog's configurations): reads find nothing, and a write says so instead of being lost, so that the
 * workbench opens and shows SciCat's datasets.
 */
final class NotYetInSciCat {

    private NotYetInSciCat() {
    }

    private static CatalogException refused(String what) {
        return new CatalogException(what + " cannot be saved in SciCat mode yet (read-only for now)");
    }

    static final class NoLayouts implements LayoutStore {
        @Override
        public void save(ScanlogLayout layout) throws CatalogException {
            throw refused("A Scanlog layout");
        }

        @Override
        public List<ScanlogLayout> list(String beamline, String user) {
            return List.of();
        }

        @Override
        public Optional<ScanlogLayout> load(String beamline, String user, String name) {
            return Optional.empty();
        }

        @Override
        public void delete(String beamline, String user, String name) throws CatalogException {
            throw refused("A change to Scanlog layouts");
        }

    }

    static final class NoConfigs implements MetadataConfigStore {
        @Override
        public MetadataConfig save(String instrument, List<MetadataEntry> entries, String author)
                throws CatalogException {
            throw refused("A SciDog configuration");
        }

        @Override
        public Optional<MetadataConfig> current(String instrument) {
            return Optional.empty();
        }

        @Override
        public Optional<MetadataConfig> version(String instrument, int version) {
            return Optional.empty();
        }

        @Override
        public List<MetadataConfig> history(String instrument) {
            return List.of();
        }
    }
}
