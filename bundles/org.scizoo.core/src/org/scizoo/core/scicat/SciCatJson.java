package org.scizoo.core.scicat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.scizoo.core.model.Dataset;

/**
 * SciCat's REST JSON for a dataset: the same fields as {@link SciCatDocuments}, with times as ISO-8601
 * strings and no {@code _id}. This is what {@code scizoo catalog list --json} prints and what a SciCat
 * backend's {@code POST /datasets} accepts.
 */
public final class SciCatJson {

    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();
    private static final JsonWriterSettings COMPACT = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    private SciCatJson() {
    }

    public static String toJson(Dataset d, boolean pretty) {
        return toJsonDocument(d).toJson(pretty ? PRETTY : COMPACT);
    }

    /** The REST form as a document (ISO strings for times, no {@code _id}). */
    public static Document toJsonDocument(Dataset d) {
        Document doc = SciCatDocuments.toDocument(d);
        doc.remove("_id");
        return isoDates(doc);
    }

    /** An OrigDatablock in the REST form (ISO strings for times). */
    public static Document toJsonDocument(org.scizoo.core.model.OrigDatablock b) {
        return isoDates(SciCatDocuments.toDocument(b));
    }

    /** Parses SciCat REST JSON (ISO times or extended-JSON dates both accepted). */
    public static Dataset datasetFromJson(String json) {
        Document doc;
        try {
            doc = Document.parse(json);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        return SciCatDocuments.dataset(doc);
    }

    private static Document isoDates(Document doc) {
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            e.setValue(iso(e.getValue()));
        }
        return doc;
    }

    private static Object iso(Object v) {
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        if (v instanceof Document d) {
            return isoDates(d);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SciCatJson::iso).toList();
        }
        return v;
    }
}
