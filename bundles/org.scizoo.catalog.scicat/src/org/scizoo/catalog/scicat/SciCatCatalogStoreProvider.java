package org.scizoo.catalog.scicat;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.scizoo.catalog.scicat.internal.SciCatApi;
import org.scizoo.catalog.scicat.internal.SciCatCatalogStore;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.SciCatCatalogProvider;

/**
 * Opens the catalogue through SciCat for settings that name a SciCat login ({@code --scicat URL}): logs in,
 * then reads once, so that a wrong URL, password or token is said at opening rather than at the first page.
 */
@Component(service = SciCatCatalogProvider.class)
public class SciCatCatalogStoreProvider implements SciCatCatalogProvider {

    @Override
    public CatalogStore open(BackendSettings settings, Consumer<String> progress) throws CatalogException {
        if (!settings.isSciCat()) {
            throw new IllegalArgumentException("not SciCat settings: " + settings);
        }
        SciCatApi api = new SciCatApi(settings.scicat(), settings.connectTimeout());
        progress.accept("logging in to " + settings.scicat().describe());
        api.logIn();
        SciCatCatalogStore store = new SciCatCatalogStore(api);
        store.countDatasets();
        return store;
    }
}
