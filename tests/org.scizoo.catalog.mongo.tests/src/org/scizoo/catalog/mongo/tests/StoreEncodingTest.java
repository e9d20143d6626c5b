package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.scizoo.catalog.mongo.internal.DocumentBson;
import org.scizoo.catalog.mongo.internal.IndexKeyType;
import org.scizoo.catalog.mongo.internal.RawDocuments;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.scicat.SciCatDocuments;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The store's own encoders write exactly the bytes of the ones they replace: the driver's
 * {@code DocumentCodec} on the client, mongo-java-server's {@code BsonEncoder} for the file; and index keys
 * of strings come back from their compact form equal, in the same order, next to keys written before.
 */
class StoreEncodingTest {

    private static final Random RANDOM = new Random(20261121);

    @Test
    void clientDocumentsAreTheDriversBytes() {
        for (int i = 0; i < 300; i++) {
            Dataset d = dataset(i);
            assertDriverBytes(SciCatDocuments.toDocument(d));
            assertDriverBytes(SciCatDocuments.toDocument(new OrigDatablock(d.pid() + "/orig-0", d.pid(), d.size(),
                    "sha1", d.ownerGroup(), List.of("staff"),
                    List.of(new DataFile("scan_" + i + ".h5", d.size(), d.creationTime(), "0a1b"),
                            new DataFile("scan_" + i + ".nxs", 1, d.creationTime(), null)))));
        }
        // values left to the driver's codecs, an _id that is not the first field, and no _id at all
        org.bson.Document odd = new org.bson.Document("first", 1)
                .append("_id", new ObjectId("6736f3c2a1b2c3d4e5f60718"))
                .append("decimal", new Decimal128(new BigDecimal("12.400"))).append("float", 2.5f)
                .append("short", (short) 7).append("set", new java.util.LinkedHashSet<>(List.of("a", "b")))
                .append("map", Map.of("k", "v")).append("null", null)
                .append("nested", new org.bson.Document("list", List.of(List.of(), new org.bson.Document("x", 1L))));
        assertDriverBytes(odd);
        assertDriverBytes(new org.bson.Document("no id", "here"));
    }

    @Test
    void storedDocumentsAreTheServersBytes() {
        DocumentBson writer = new DocumentBson();
        for (int i = 0; i < 300; i++) {
            de.bwaldvogel.mongo.bson.Document d = serverDocument(i);
            assertTrue(writer.write(d), "a document of common values is written");
            ByteBuf expected = Unpooled.buffer();
            BsonEncoder.encodeDocument(d, expected);
            byte[] want = new byte[expected.readableBytes()];
            expected.readBytes(want);
            assertArrayEquals(want, Arrays.copyOf(writer.array(), writer.length()), "document " + i);
        }
        // anything else is left to BsonEncoder, wherever it is
        assertFalse(
                writer.write(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.ObjectId())));
        assertFalse(writer.write(new de.bwaldvogel.mongo.bson.Document("a", List.of(1, List.of(UUID.randomUUID())))));
    }

    @Test
    void indexKeysOfStringsComeBackEqualAndOlderKeysStillRead() {
        IndexKeyType type = new IndexKeyType();
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(new KeyValue("20.500.12345/scan-" + RANDOM.nextInt(1_000_000) + (i % 7 == 0 ? "-Größe ✓" : "")));
        }
        keys.add(new KeyValue("a", "two strings"));
        keys.add(new KeyValue(""));
        for (KeyValue key : keys) {
            WriteBuffer buff = new WriteBuffer();
            type.write(buff, key);
            ByteBuffer written = buff.getBuffer().flip();
            assertEquals(key, type.read(written));
            assertFalse(written.hasRemaining(), "the whole key is read");
        }
        // written by H2's default type (an older SciZoo), and a key that is not all strings
        for (KeyValue key : List.of(keys.get(0), new KeyValue(42, "x"))) {
            WriteBuffer buff = new WriteBuffer();
            (key.get(0) instanceof String ? new ObjectDataType() : type).write(buff, key);
            assertEquals(key, type.read(buff.getBuffer().flip()));
        }
    }

    private static void assertDriverBytes(org.bson.Document document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            // as the driver encodes a document it inserts: _id first
            new DocumentCodec().encode(writer, document,
                    EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        }
        RawBsonDocument raw = RawDocuments.encode(document);
        byte[] actual = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(actual);
        assertArrayEquals(out.toByteArray(), actual, document.toJson());
    }

    private static Dataset dataset(int i) {
        Instant t = Instant.parse("2026-11-21T08:00:00Z").plusMillis(3_000L * i + RANDOM.nextInt(1000));
        Map<String, MetadataValue> m = new java.util.LinkedHashMap<>();
        m.put("T01", MetadataValue.of(21.0 + RANDOM.nextDouble(), "degC"));
        m.put("frames", MetadataValue.of(RANDOM.nextInt(100)));
        m.put("counts", MetadataValue.of(RANDOM.nextLong()));
        m.put("sample", MetadataValue.of("lysozyme – " + i + " µl"));
        m.put("shutter", MetadataValue.of(i % 2 == 0));
        m.put("positions", MetadataValue.of(List.of(1.5, 2.5, (double) i), "mm"));
        return Dataset.builder().pid("20.500.12345/enc-" + i).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/" + i).size(1L << 33 | i).numberOfFiles(2).creationTime(t)
                .datasetName("scan_" + i).description(i % 3 == 0 ? null : "scan " + i).ownerGroup("2025004" + i % 10)
                .proposalIds(List.of("2025004" + i % 10)).keywords(i % 5 == 0 ? List.of() : List.of("saxs", "k" + i))
                .startTime(i % 4 == 0 ? null : t.minusSeconds(2)).endTime(t).scientificMetadata(m).build();
    }

    /** A document as mongo-java-server decodes one from the wire: dates as Instants, lists of any length. */
    private static de.bwaldvogel.mongo.bson.Document serverDocument(int i) {
        List<Object> long_ = new ArrayList<>();
        for (int k = 0; k < i % 130; k++) {
            long_.add(k % 2 == 0 ? (Object) k : "v" + k);
        }
        de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document("_id", "20.500.12345/srv-" + i);
        d.put("text", "Lysozym – 20 °C ✓ " + RANDOM.nextInt());
        d.put("int32", RANDOM.nextInt());
        d.put("int64", RANDOM.nextLong());
        d.put("double", RANDOM.nextGaussian());
        d.put("bool", i % 2 == 0);
        d.put("null", null);
        d.put("date", Instant.ofEpochMilli(1_795_000_000_000L + RANDOM.nextInt()));
        d.put("legacyDate", new Date(1_795_000_000_000L).toInstant());
        d.put("list", long_);
        d.put("nested", new de.bwaldvogel.mongo.bson.Document("T01",
                new de.bwaldvogel.mongo.bson.Document("value", 21.5).append("unit", "degC"))
                .append("empty", List.of()));
        d.put("empty", new de.bwaldvogel.mongo.bson.Document());
        return d;
    }
}
