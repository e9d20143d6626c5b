package org.scizoo.catalog.scicat.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.ScanlogLayout;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.LayoutStore;
import org.scizoo.core.ports.MetadataConfigStore;

/**
 * What SciZoo keeps beside SciCat's documents (the Scanlog's annotations and layouts, SciDog's
 * configurations) has no home in SciCat mode yet (issue 20, point 4): reads find nothing, and a write says
 * so instead of being lost, so that the workbench opens and shows SciCat's datasets.
 */
final class NotYetInSciCat {

    private NotYetInSciCat() {
    }

    private static CatalogException refused(String what) {
        return new CatalogException(what + " cannot be saved in SciCat mode yet (read-only for now)");
    }

    static final class NoAnnotations implements AnnotationStore {
        @Override
        public Annotation add(String datasetPid, Annotation.Kind kind, String value, String author)
                throws CatalogException {
            throw refused("A " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public List<Annotation> history(String datasetPid) {
            return List.of();
        }

        @Override
        public Map<String, Annotations> current() {
            return Map.of();
        }

        @Override
        public ImageFile addImage(ImageFile image) throws CatalogException {
            throw refused("An image");
        }

        @Override
        public Optional<ImageFile> image(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> thumbnail(String id) {
            return Optional.empty();
        }

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
