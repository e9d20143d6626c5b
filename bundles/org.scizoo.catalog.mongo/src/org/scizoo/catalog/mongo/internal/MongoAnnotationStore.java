package org.scizoo.catalog.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * Annotations in {@code ScizooAnnotation} (one document per change, never updated: the history is the
 * collection), images in the GridFS bucket {@code ScizooImage} (so a 20 MB TIFF is no problem for a real
 * MongoDB's 16 MB document limit), with the thumbnail in the file's metadata.
 */
final class MongoAnnotationStore implements AnnotationStore {

    static final String COLLECTION = "ScizooAnnotation";
    static final String IMAGE_BUCKET = "ScizooImage";
    /** Larger than any camera image or plot a Scanlog row needs; a bigger file is refused with this number. */
    static final int MAX_IMAGE_BYTES = 64 << 20;

    private final MongoCollection<Document> annotations;
    private final GridFSBucket images;
    private final Runnable afterWrite;
    private final Clock clock;

    MongoAnnotationStore(MongoDatabase db, Runnable afterWrite, Clock clock) {
        this.annotations = db.getCollection(COLLECTION);
        this.images = GridFSBuckets.create(db, IMAGE_BUCKET);
        this.afterWrite = afterWrite;
        this.clock = clock;
    }

    void dropSecondaryIndexes() {
        for (Document index : annotations.listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                annotations.dropIndex(index.getString("name"));
            }
        }
    }

    void ensureIndexes() {
        annotations.createIndex(Indexes.ascending("datasetPid", "time"),
                new IndexOptions().name("datasetPid_1_time_1"));
    }

    @Override
    public Annotation add(String datasetPid, Kind kind, String value, String author) throws CatalogException {
        String v = check(kind, value == null ? "" : value.strip());
        Annotation a = new Annotation(UUID.randomUUID().toString(), datasetPid, kind, v, author,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            annotations.insertOne(new Document("_id", a.id()).append("datasetPid", datasetPid)
                    .append("kind", kind.name()).append("value", v).append("author", author)
                    .append("time", Date.from(a.time())));
            written();
            return a;
        } catch (MongoException e) {
            throw new CatalogException("Could not save the " + kind.name().toLowerCase() + " of " + datasetPid + ": "
                    + MongoCatalogStore.firstLine(e.getMessage()), e);
        }
    }

    /** The value as stored, or a message saying what the kind allows. */
    static String check(Kind kind, String v) throws CatalogException {
        var problem = Annotation.problem(kind, v);
        if (problem.isPresent()) {
            throw new CatalogException(problem.get());
        }
        return v;
    }

    @Override
    public List<Annotation> history(String datasetPid) throws CatalogException {
        List<Annotation> out = new ArrayList<>();
        try {
            for (Document d : annotations.find(eq("datasetPid", datasetPid)).sort(Sorts.ascending("time", "_id"))) {
                read(d).ifPresent(out::add);
            }
        } catch (MongoException e) {
            throw failure("read the annotations of " + datasetPid, e);
        }
        return out;
    }

    @Override
    public Map<String, Annotations> current() throws CatalogException {
        Map<String, List<Annotation>> byPid = new HashMap<>();
        try {
            for (Document d : annotations.find().sort(Sorts.ascending("time", "_id"))) {
                read(d).ifPresent(a -> byPid.computeIfAbsent(a.datasetPid(), p -> new ArrayList<>()).add(a));
            }
        } catch (MongoException e) {
            throw failure("read the annotations", e);
        }
        Map<String, Annotations> out = new HashMap<>();
        byPid.forEach((pid, history) -> out.put(pid, Annotations.of(pid, history)));
        return out;
    }

    /** A stored annotation, or empty for a document that is not one (skipped, never fatal). */
    private static Optional<Annotation> read(Document d) {
        try {
            return Optional.of(new Annotation(d.getString("_id"), d.getString("datasetPid"),
                    Kind.valueOf(d.getString("kind")), d.getString("value"), d.getString("author"),
                    d.getDate("time").toInstant()));
        } catch (RuntimeException e) {
            System.getLogger(MongoAnnotationStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Skipping annotation " + d.get("_id") + ": " + e);
            return Optional.empty();
        }
    }

    @Override
    public ImageFile addImage(ImageFile image) throws CatalogException {
        if (image.data().length > MAX_IMAGE_BYTES) {
            throw new CatalogException(image.fileName() + " is " + (image.data().length >> 20) + " MB; images up to "
                    + (MAX_IMAGE_BYTES >> 20) + " MB can be attached");
        }
        try {
            Document meta = new Document("datasetPid", image.datasetPid()).append("contentType", image.contentType())
                    .append("author", image.author()).append("annotationId", image.id());
            if (image.thumbnailPng() != null) {
                meta.append("thumbnail", new Binary(image.thumbnailPng()));
            }
            images.uploadFromStream(new org.bson.BsonString(image.id()), image.fileName(),
                    new ByteArrayInputStream(image.data()), new GridFSUploadOptions().metadata(meta));
            annotations.insertOne(new Document("_id", image.id()).append("datasetPid", image.datasetPid())
                    .append("kind", Kind.IMAGE.name()).append("value", image.id()).append("author", image.author())
                    .append("time", Date.from(image.time().truncatedTo(ChronoUnit.MILLIS))));
            written();
            return image;
        } catch (MongoException e) {
            throw failure("store image " + image.fileName() + " of " + image.datasetPid(), e);
        }
    }

    @Override
    public Optional<ImageFile> image(String id) throws CatalogException {
        try {
            var file = images.find(eq("_id", id)).first();
            if (file == null) {
                return Optional.empty();
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            images.downloadToStream(new org.bson.BsonString(id), data);
            Document meta = file.getMetadata() == null ? new Document() : file.getMetadata();
            Binary thumb = meta.get("thumbnail", Binary.class);
            return Optional.of(new ImageFile(id, meta.getString("datasetPid"), file.getFilename(),
                    meta.getString("contentType"), data.toByteArray(), thumb == null ? null : thumb.getData(),
                    meta.getString("author"), file.getUploadDate().toInstant()));
        } catch (MongoException e) {
            throw failure("read image " + id, e);
        }
    }

    @Override
    public Optional<byte[]> thumbnail(String id) throws CatalogException {
        try {
            var file = images.find(eq("_id", id)).first();
            Binary thumb = file == null || file.getMetadata() == null ? null
                    : file.getMetadata().get("thumbnail", Binary.class);
            return thumb == null ? Optional.empty() : Optional.of(thumb.getData());
        } catch (MongoException e) {
            throw failure("read the thumbnail of image " + id, e);
        }
    }

    private void written() {
        if (afterWrite != null) {
            afterWrite.run();
        }
    }

    private static CatalogException failure(String what, MongoException e) {
        return new CatalogException("Could not " + what + ": " + MongoCatalogStore.firstLine(e.getMessage()), e);
    }
}
