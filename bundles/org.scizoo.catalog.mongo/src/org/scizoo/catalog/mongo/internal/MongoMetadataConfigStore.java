package org.scizoo.catalog.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.scizoo.core.config.InvalidConfigException;
import org.scizoo.core.config.MetadataConfigFiles;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataConfigStore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

/**
 * SciDog configurations in collection {@value #COLLECTION} (ours, not SciCat's): one document per version,
 * {@code _id = <instrument>/<version>}. Saving inserts the next version; the unique {@code _id} makes two
 * workbenches saving at the same moment get different versions instead of overwriting each other.
 */
final class MongoMetadataConfigStore implements MetadataConfigStore {

    static final String COLLECTION = "ScizooMetadataConfig";
    /**
     * Each lost race means another save succeeded, so a save only fails after this many others went
     * through while it was trying: far beyond the few workbenches of one beamline.
     */
    private static final int SAVE_ATTEMPTS = 32;

    private final MongoCollection<Document> configs;
    private final Runnable afterWrite;
    private final Clock clock;

    MongoMetadataConfigStore(MongoCollection<Document> configs, Runnable afterWrite, Clock clock) {
        this.configs = configs;
        this.afterWrite = afterWrite;
        this.clock = clock;
    }

    @Override
    public MetadataConfig save(String instrument, List<MetadataEntry> entries, String author) throws CatalogException {
        int next = current(instrument).map(MetadataConfig::version).orElse(0) + 1;
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            MetadataConfig config = new MetadataConfig(instrument, next, author,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), entries);
            Document doc = MetadataConfigFiles.toDocument(config);
            try {
                MetadataConfigFiles.fromDocument(doc); // the same checks as an imported file
            } catch (InvalidConfigException e) {
                throw new CatalogException("The configuration of " + instrument + " was not saved: " + e.getMessage(),
                        e);
            }
            try {
                configs.insertOne(doc.append("_id", instrument + "/" + next));
                if (afterWrite != null) {
                    afterWrite.run();
                }
                return config;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw failure("save the configuration of " + instrument, e);
                }
                // someone saved this version a moment ago: take the next free one. Counting up from
                // the version that clashed (rather than re-reading the newest) cannot lose the same
                // race twice, so concurrent savers need at most one attempt per rival.
                next = Math.max(next + 1, current(instrument).map(MetadataConfig::version).orElse(0) + 1);
            } catch (MongoException e) {
                throw failure("save the configuration of " + instrument, e);
            }
        }
        throw new CatalogException("The configuration of " + instrument + " was not saved: " + SAVE_ATTEMPTS
                + " other saves came first; try again");
    }

    @Override
    public Optional<MetadataConfig> current(String instrument) throws CatalogException {
        try {
            Document d = configs.find(eq("instrument", instrument)).sort(Sorts.descending("version")).first();
            return d == null ? Optional.empty() : Optional.of(read(d));
        } catch (MongoException e) {
            throw failure("read the configuration of " + instrument, e);
        }
    }

    @Override
    public Optional<MetadataConfig> version(String instrument, int version) throws CatalogException {
        try {
            Document d = configs.find(eq("_id", instrument + "/" + version)).first();
            return d == null ? Optional.empty() : Optional.of(read(d));
        } catch (MongoException e) {
            throw failure("read the configuration of " + instrument, e);
        }
    }

    @Override
    public List<MetadataConfig> history(String instrument) throws CatalogException {
        List<MetadataConfig> out = new ArrayList<>();
        try {
            for (Document d : configs.find(eq("instrument", instrument)).sort(Sorts.descending("version"))) {
                out.add(read(d));
            }
        } catch (MongoException e) {
            throw failure("read the configurations of " + instrument, e);
        }
        return out;
    }

    private static MetadataConfig read(Document d) throws CatalogException {
        try {
            return MetadataConfigFiles.fromDocument(d);
        } catch (InvalidConfigException e) {
            throw new CatalogException("Stored configuration " + d.get("_id") + " is not valid: " + e.getMessage(), e);
        }
    }

    private static CatalogException failure(String what, MongoException e) {
        return new CatalogException("Could not " + what + ": " + MongoCatalogStore.firstLine(e.getMessage()), e);
    }
}
