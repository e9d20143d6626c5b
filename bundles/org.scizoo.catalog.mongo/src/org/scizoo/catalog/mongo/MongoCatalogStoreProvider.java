package org.scizoo.catalog.mongo;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.scizoo.catalog.mongo.internal.EmbeddedMongo;
import org.scizoo.catalog.mongo.internal.MongoCatalogStore;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.SciCatCatalogProvider;

/**
 * Opens the catalogue: the MongoDB named by the settings' URI, or else the embedded mongo-java-server
 * kept in the data folder. Both are reached through the same driver and the same store code. Settings that
 * name a SciCat login go to the SciCat adapter, when it is installed.
 */
@Component(service = CatalogStoreProvider.class)
public class MongoCatalogStoreProvider implements CatalogStoreProvider {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SciCatCatalogProvider scicat;

    @Override
    public CatalogStore open(BackendSettings settings) throws CatalogException {
        return open(settings, progress -> {});
    }

    @Override
    public CatalogStore open(BackendSettings settings, Consumer<String> progress) throws CatalogException {
        return open(settings, progress, () -> false);
    }

    @Override
    public CatalogStore open(BackendSettings settings, Consumer<String> progress, BooleanSupplier stopAsked)
            throws CatalogException {
        if (settings.isSciCat()) {
            SciCatCatalogProvider s = scicat;
            if (s == null) {
                throw new CatalogException("No SciCat adapter is installed (bundle org.scizoo.catalog.scicat)");
            }
            return s.open(settings, progress);
        }
        if (settings.isEmbedded()) {
            return EmbeddedMongo.open(settings, progress, stopAsked);
        }
        return MongoCatalogStore.connect(settings.mongoUri(), settings.connectTimeout(), settings.credentials());
    }

    @Override
    public CatalogStore openExisting(BackendSettings settings, Consumer<String> progress) throws CatalogException {
        if (settings.isEmbedded()) {
            EmbeddedMongo.requireCatalogue(settings.dataDir());
        }
        return open(settings, progress);
    }
}
