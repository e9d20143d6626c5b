package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.OsgiServices;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The embedded store writes documents as BSON: every BSON type a document can hold comes back as it was
 * written, in the same run and after a restart (when it is read from the file, not from memory).
 */
class EmbeddedValuesTest {

    @TempDir
    Path dir;

    @Test
    void everyBsonTypeComesBackAsWrittenAcrossARestart() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        Document probe = probe();
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir)); MongoClient client = client(dir)) {
            MongoCollection<Document> c = client.getDatabase("scicat").getCollection("Probe");
            c.insertOne(probe);
            assertValues(probe, c.find().first());
        }
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir)); MongoClient client = client(dir)) {
            assertValues(probe, client.getDatabase("scicat").getCollection("Probe").find().first());
        }
    }

    @Test
    void collectionStatisticsCountTheDocumentsBytes() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir)); MongoClient client = client(dir)) {
            MongoCollection<Document> c = client.getDatabase("scicat").getCollection("Probe");
            long bytes = 0;
            for (int i = 0; i < 50; i++) {
                Document d = new Document("_id", "probe-" + i).append("text", "x".repeat(i)).append("n", i);
                c.insertOne(d);
                bytes += new org.bson.RawBsonDocument(d, new org.bson.codecs.DocumentCodec()).getByteBuffer()
                        .remaining();
            }
            c.deleteOne(new Document("_id", "probe-0"));
            bytes -= new org.bson.RawBsonDocument(new Document("_id", "probe-0").append("text", "").append("n", 0),
                    new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
            Document stats = client.getDatabase("scicat").runCommand(new Document("collStats", "Probe"));
            assertEquals(49, ((Number) stats.get("count")).intValue());
            assertEquals(bytes, ((Number) stats.get("size")).longValue());
        }
    }

    private static void assertValues(Document expected, Document actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key), actual.get(key), key); // says which value, should one differ
        }
    }

    private static Document probe() {
        return new Document("_id", new ObjectId("6736f3c2a1b2c3d4e5f60718")).append("text", "Lysozym – 20 °C ✓")
                .append("int32", 42).append("int64", 1L << 40).append("double", -273.15).append("true", true)
                .append("null", null).append("date", new Date(1_795_000_000_123L))
                .append("id", new ObjectId("6736f3c2a1b2c3d4e5f60719"))
                .append("binary", new Binary("raw".getBytes(StandardCharsets.US_ASCII)))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("decimal", new Decimal128(new BigDecimal("12.400")))
                .append("timestamp", new BsonTimestamp(1_795_000_000, 7))
                .append("regex", new BsonRegularExpression("^scan_[0-9]+$", "i"))
                .append("min", new MinKey()).append("max", new MaxKey())
                .append("nested", new Document("T01", new Document("value", 21.5).append("unit", "degC"))
                        .append("list", List.of(1, "two", 3.0, new Document("four", List.of()))))
                .append("empty", new Document()).append("emptyList", List.of());
    }

    /** A client of the embedded server that holds {@code dir}'s catalogue. */
    static MongoClient client(Path dir) throws Exception {
        String port = Files.readString(dir.resolve("catalog.port")).strip();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }
}
