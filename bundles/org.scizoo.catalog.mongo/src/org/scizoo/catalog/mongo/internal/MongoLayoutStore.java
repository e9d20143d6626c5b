package org.scizoo.catalog.mongo.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.scizoo.core.model.ScanlogLayout;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.LayoutStore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/** Layouts in {@code ScizooScanlogLayout}, {@code _id = beamline/user/name}. */
final class MongoLayoutStore implements LayoutStore {

    static final String COLLECTION = "ScizooScanlogLayout";

    private final MongoCollection<Document> layouts;
    private final Runnable afterWrite;
    private final Clock clock;

    MongoLayoutStore(MongoCollection<Document> layouts, Runnable afterWrite, Clock clock) {
        this.layouts = layouts;
        this.afterWrite = afterWrite;
        this.clock = clock;
    }

    private static String id(String beamline, String user, String name) {
        return beamline + "/" + user + "/" + name;
    }

    @Override
    public void save(ScanlogLayout l) throws CatalogException {
        List<Document> columns = l.columns().stream()
                .map(c -> new Document("id", c.id()).append("width", c.width())).toList();
        Document filters = new Document();
        l.filters().forEach(filters::append);
        Document d = new Document("_id", id(l.beamline(), l.user(), l.name())).append("beamline", l.beamline())
                .append("user", l.user()).append("name", l.name()).append("columns", columns)
                .append("sortColumn", l.sortColumn()).append("ascending", l.ascending()).append("filters", filters)
                .append("saved", Date.from(clock.instant()));
        try {
            layouts.replaceOne(eq("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
            if (afterWrite != null) {
                afterWrite.run();
            }
        } catch (MongoException e) {
            throw failure("save layout " + l.name(), e);
        }
    }

    @Override
    public List<ScanlogLayout> list(String beamline, String user) throws CatalogException {
        List<ScanlogLayout> out = new ArrayList<>();
        try {
            for (Document d : layouts.find(and(eq("beamline", beamline), eq("user", user)))
                    .sort(Sorts.ascending("name"))) {
                read(d).ifPresent(out::add);
            }
        } catch (MongoException e) {
            throw failure("read the layouts", e);
        }
        return out;
    }

    @Override
    public Optional<ScanlogLayout> load(String beamline, String user, String name) throws CatalogException {
        try {
            Document d = layouts.find(eq("_id", id(beamline, user, name))).first();
            return d == null ? Optional.empty() : read(d);
        } catch (MongoException e) {
            throw failure("read layout " + name, e);
        }
    }

    @Override
    public void delete(String beamline, String user, String name) throws CatalogException {
        try {
            layouts.deleteOne(eq("_id", id(beamline, user, name)));
            if (afterWrite != null) {
                afterWrite.run();
            }
        } catch (MongoException e) {
            throw failure("delete layout " + name, e);
        }
    }

    private static Optional<ScanlogLayout> read(Document d) {
        try {
            List<ScanlogLayout.Column> columns = new ArrayList<>();
            for (Document c : d.getList("columns", Document.class)) {
                columns.add(new ScanlogLayout.Column(c.getString("id"), c.getInteger("width")));
            }
            Map<String, String> filters = new LinkedHashMap<>();
            Document f = d.get("filters", Document.class);
            if (f != null) {
                f.forEach((k, v) -> filters.put(k, String.valueOf(v)));
            }
            return Optional.of(new ScanlogLayout(d.getString("beamline"), d.getString("user"), d.getString("name"),
                    columns, d.getString("sortColumn"), d.getBoolean("ascending", false), filters,
                    d.getDate("saved") == null ? null : d.getDate("saved").toInstant()));
        } catch (RuntimeException e) {
            System.getLogger(MongoLayoutStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Skipping layout " + d.get("_id") + ": " + e);
            return Optional.empty();
        }
    }

    private static CatalogException failure(String what, MongoException e) {
        return new CatalogException("Could not " + what + ": " + MongoCatalogStore.firstLine(e.getMessage()), e);
    }
}
