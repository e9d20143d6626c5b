package org.scizoo.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.Document;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.Technique;
import org.scizoo.core.search.DatasetField;
import org.scizoo.core.units.SciCatUnits;
import org.scizoo.core.units.SiValue;

/**
 * A dataset as the index holds it. {@code text}: what a person searches by words (name, description,
 * keywords, proposal title and PI, sample, instrument, techniques, owner, every scientific-metadata key and
 * text value). A numeric value is a point in SciCat's SI units, in a field named by its key and SI unit
 * ({@code n:T01:K}), so that 300 K and 26.85 degC are the same point and a condition in keV never compares
 * with a temperature. {@code g}: the groups that may see it ({@code #public} for published data). The
 * dataset's own fields a condition may name ({@link DatasetField}): {@code f:size} as a point, {@code f:type}
 * and the other texts as exact terms, the creation time as {@code created}.
 */
final class DatasetDocuments {

    static final String PID = "pid";
    static final String NAME = "name";
    static final String CREATED = "created";
    static final String TEXT = "text";
    static final String GROUP = "g";
    static final String PUBLIC = "#public";
    /** Which numeric fields a dataset has: {@code n:KEY:UNIT} as a term, for "not equal" and facets. */
    static final String HAS = "has";

    private DatasetDocuments() {
    }

    /** A dataset field's own index field: {@code f:size} (a point), {@code f:type} (its exact values). */
    static String datasetField(DatasetField f) {
        return f == DatasetField.CREATION_TIME ? CREATED : "f:" + f.json();
    }

    /** How a numeric field's name starts: {@code n:KEY:UNIT}. */
    static final String NUMERIC = "n:";

    static String numericField(String key, String unitSI) {
        return NUMERIC + key + ":" + unitSI;
    }

    static Document of(Dataset d, Function<String, Proposal> proposals) {
        Document doc = new Document();
        doc.add(new StringField(PID, d.pid(), Field.Store.YES));
        doc.add(new StoredField(NAME, d.datasetName()));
        long created = d.creationTime().toEpochMilli();
        doc.add(new LongPoint(CREATED, created));
        doc.add(new NumericDocValuesField(CREATED, created));
        doc.add(new StoredField(CREATED, created));
        doc.add(new StringField(GROUP, d.ownerGroup(), Field.Store.NO));
        for (String g : d.accessGroups()) {
            doc.add(new StringField(GROUP, g, Field.Store.NO));
        }
        if (d.isPublished()) {
            doc.add(new StringField(GROUP, PUBLIC, Field.Store.NO));
        }
        for (DatasetField f : DatasetField.values()) {
            if (f.kind() == DatasetField.Kind.NUMBER) {
                doc.add(new DoublePoint(datasetField(f), f.number(d)));
            } else if (f.kind() != DatasetField.Kind.TIME) { // the time is CREATED's
                for (String v : f.texts(d)) {
                    doc.add(new StringField(datasetField(f), v, Field.Store.NO));
                }
            }
        }
        List<String> words = new ArrayList<>();
        add(words, d.datasetName(), d.description(), d.owner(), d.creationLocation(), d.dataFormat(), d.comment());
        words.addAll(d.keywords());
        words.addAll(d.sampleIds());
        words.addAll(d.instrumentIds());
        words.addAll(d.proposalIds());
        words.addAll(d.principalInvestigators());
        for (Technique t : d.techniques()) {
            add(words, t.name());
        }
        for (String id : d.proposalIds()) {
            Proposal p = proposals.apply(id);
            if (p != null) {
                add(words, p.title(), p.piFirstname(), p.piLastname());
            }
        }
        for (Map.Entry<String, MetadataValue> e : d.scientificMetadata().entrySet()) {
            words.add(e.getKey().replace('_', ' '));
            MetadataValue v = e.getValue();
            if (v.value() instanceof Number n && Double.isFinite(n.doubleValue())) {
                SiValue si = SciCatUnits.toSi(n.doubleValue(), v.unit())
                        .orElse(new SiValue(n.doubleValue(), v.unit() == null ? "" : v.unit()));
                if (si.valueSI() instanceof Number s) {
                    String field = numericField(e.getKey(), si.unitSI());
                    doc.add(new DoublePoint(field, s.doubleValue()));
                    doc.add(new StringField(HAS, field, Field.Store.NO));
                }
            } else if (v.value() instanceof String s) {
                words.add(s);
            }
        }
        doc.add(new TextField(TEXT, String.join("\n", words), Field.Store.NO));
        return doc;
    }

    private static void add(List<String> words, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                words.add(v);
            }
        }
    }
}
