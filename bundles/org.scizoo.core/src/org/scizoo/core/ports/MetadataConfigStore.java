package org.scizoo.core.ports;

import java.util.List;
import java.util.Optional;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;

/**
 * Each beamline's SciDog configurations, kept in the catalogue so every workbench of the beamline shares
 * them. Configurations are never changed in place: every save is a new version with its author and time.
 */
public interface MetadataConfigStore {

    /** Saves the entries as the instrument's next version and returns it (version 1 for the first). */
    MetadataConfig save(String instrument, List<MetadataEntry> entries, String author) throws CatalogException;

    /** The newest version, if the instrument has any. */
    Optional<MetadataConfig> current(String instrument) throws CatalogException;

    Optional<MetadataConfig> version(String instrument, int version) throws CatalogException;

    /** Every version, newest first. */
    List<MetadataConfig> history(String instrument) throws CatalogException;
}
