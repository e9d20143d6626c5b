package org.scizoo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.scicat.SciCatDocuments;
import org.scizoo.core.scicat.SciCatJson;

/**
 * The Kafka message format, version 1, keyed by the dataset's pid (so one dataset's messages keep their
 * order in one partition): UTF-8 JSON
 * <pre>{"format": "scizoo.catalog-entry", "version": 1, "pid": "…",
 *  "dataset": {SciCat v4 dataset, REST form}, "origDatablocks": [{SciCat OrigDatablock}, …]}</pre>
 * Times are ISO-8601 strings. A reader refuses other formats and newer versions with the reason, which
 * the consumer puts on the dead-letter topic.
 */
public final class CatalogMessages {

    public static final String FORMAT = "scizoo.catalog-entry";
    public static final int VERSION = 1;
    /** Where producers write and SciCow reads. */
    public static final String TOPIC = "scizoo.catalog.v1";
    /** Messages SciCow could not use from {@link #TOPIC}, with the reason in header {@value #REASON_HEADER}. */
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".dlq";
    public static final String REASON_HEADER = "scizoo.dlq.reason";

    private static final JsonWriterSettings COMPACT = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** A message that cannot become a catalogue entry; the message says why. */
    public static final class InvalidMessageException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidMessageException(String message) {
            super(message);
        }
    }

    private CatalogMessages() {
    }

    /** The dead-letter topic of a topic: its name + ".dlq". */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }

    public static byte[] encode(CatalogEntry entry) {
        List<Document> blocks = new ArrayList<>();
        for (OrigDatablock b : entry.datablocks()) {
            blocks.add(SciCatJson.toJsonDocument(b));
        }
        Document message = new Document("format", FORMAT).append("version", VERSION)
                .append("pid", entry.dataset().pid()).append("dataset", SciCatJson.toJsonDocument(entry.dataset()))
                .append("origDatablocks", blocks);
        return message.toJson(COMPACT).getBytes(StandardCharsets.UTF_8);
    }

    public static CatalogEntry decode(String key, byte[] value) throws InvalidMessageException {
        if (value == null || value.length == 0) {
            throw new InvalidMessageException("empty message");
        }
        Document m = PlainJson.parse(value);
        if (m == null) { // not plain JSON: BSON's reader decides, and says what is wrong
            try {
                m = Document.parse(new String(value, StandardCharsets.UTF_8));
            } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
                throw new InvalidMessageException("not JSON: " + e.getMessage());
            } catch (StackOverflowError e) {
                throw new InvalidMessageException("not JSON: nested too deeply");
            }
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new InvalidMessageException("format is " + m.get("format") + ", expected " + FORMAT);
        }
        if (!(m.get("version") instanceof Number v) || v.intValue() < 1 || v.intValue() > VERSION) {
            throw new InvalidMessageException("version " + m.get("version") + " is not one this reader knows (1.."
                    + VERSION + ")");
        }
        if (!(m.get("dataset") instanceof Document d)) {
            throw new InvalidMessageException("no dataset");
        }
        try {
            Dataset dataset = SciCatDocuments.dataset(d);
            if (key != null && !key.equals(dataset.pid())) {
                throw new InvalidMessageException("key " + key + " is not the dataset's pid " + dataset.pid());
            }
            List<OrigDatablock> blocks = new ArrayList<>();
            if (m.get("origDatablocks") instanceof List<?> raw) {
                for (Object o : raw) {
                    if (!(o instanceof Document b)) {
                        throw new InvalidMessageException("an origDatablock is not an object");
                    }
                    blocks.add(SciCatDocuments.origDatablock(b));
                }
            }
            return new CatalogEntry(dataset, blocks);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new InvalidMessageException("not a valid SciCat dataset: " + e.getMessage());
        }
    }
}
