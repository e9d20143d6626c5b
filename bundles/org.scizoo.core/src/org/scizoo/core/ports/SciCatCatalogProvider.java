package org.scizoo.core.ports;

/**
 * Opens the catalogue through a SciCat backend's REST API, for settings with a {@link SciCatLogin} (an OSGi
 * service of its own type: the catalogue provider everyone uses hands SciCat settings to it, so there is one
 * provider to ask whatever the backend kind).
 */
public interface SciCatCatalogProvider {

    CatalogStore open(BackendSettings settings, java.util.function.Consumer<String> progress) throws CatalogException;
}
