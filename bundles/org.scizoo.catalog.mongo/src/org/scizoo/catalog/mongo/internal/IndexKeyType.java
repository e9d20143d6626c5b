package org.scizoo.catalog.mongo.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The key type of the embedded store's unique indexes ({@code _id} and the others): stored exactly as
 * H2's default {@link ObjectDataType} stores them, but ordered without serialising.
 * <p>
 * H2 knows nothing of mongo-java-server's {@link KeyValue} (nor of its documents), so its default type
 * compares two of them by Java-serialising both — at every step of every B-tree search. Profiled, that
 * was three quarters of the time of an upsert. Here keys are ordered by their number of values, then
 * value by value: documents field by field in their order (name, then value), lists element by element,
 * everything else by H2's own ordering (strings, numbers, dates natively). Kinds are never mixed in one
 * comparison (every document sorts after every plain value, every list after every document), so this is
 * a total order; it is consistent with the serialised form's equality (field order counts, as it does
 * for MongoDB's {@code _id}), but it is not the order of the serialised bytes, so a map written with the
 * default type must be re-sorted once ({@link IndexMaps}).
 */
final class IndexKeyType extends ObjectDataType {

    private static final int PLAIN = 0;
    private static final int DOCUMENT = 1;
    private static final int LIST = 2;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int bySize = Integer.compare(x.size(), y.size());
            for (int i = 0; bySize == 0 && i < x.size(); i++) {
                bySize = value(x.get(i), y.get(i));
            }
            return bySize;
        }
        return super.compare(a, b);
    }

    private int value(Object a, Object b) {
        int kind = kind(a);
        int byKind = Integer.compare(kind, kind(b));
        if (byKind != 0) {
            return byKind;
        }
        return switch (kind) {
            case DOCUMENT -> document((Document) a, (Document) b);
            case LIST -> list((List<?>) a, (List<?>) b);
            default -> super.compare(a, b);
        };
    }

    private int document(Document a, Document b) {
        int c = Integer.compare(a.size(), b.size());
        Iterator<Map.Entry<String, Object>> i = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> j = b.entrySet().iterator();
        while (c == 0 && i.hasNext()) {
            Map.Entry<String, Object> x = i.next();
            Map.Entry<String, Object> y = j.next();
            c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = value(x.getValue(), y.getValue());
            }
        }
        return c;
    }

    private int list(List<?> a, List<?> b) {
        int c = Integer.compare(a.size(), b.size());
        for (int i = 0; c == 0 && i < a.size(); i++) {
            c = value(a.get(i), b.get(i));
        }
        return c;
    }

    private static int kind(Object o) {
        return o instanceof Document ? DOCUMENT : o instanceof List ? LIST : PLAIN;
    }
}
