package org.scizoo.core.ports;

import java.util.List;
import java.util.Optional;

import org.scizoo.core.model.ScanlogLayout;

/** Named Scanlog layouts per beamline and user, in the store (so they follow the user to any workbench). */
public interface LayoutStore {

    /** Saves (or replaces) the layout of that beamline, user and name. */
    void save(ScanlogLayout layout) throws CatalogException;

    List<ScanlogLayout> list(String beamline, String user) throws CatalogException;

    Optional<ScanlogLayout> load(String beamline, String user, String name) throws CatalogException;

    void delete(String beamline, String user, String name) throws CatalogException;
}
