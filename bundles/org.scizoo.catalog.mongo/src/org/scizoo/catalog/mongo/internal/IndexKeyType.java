package org.scizoo.catalog.mongo.internal;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The key type of the embedded store's unique indexes ({@code _id} and the others): ordered without
 * serialising, and keys of strings stored as their strings ({@link #STRINGS}); any other key is stored as
 * H2's default {@link ObjectDataType} stores it.
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
public final class IndexKeyType extends DocumentIdType {

    /**
     * A key of strings only (every {@code _id} SciZoo writes), stored as its strings: H2 Java-serialises
     * any other key, which cost a tenth of the store's time on a bulk insert and more when an evicted
     * index page is read back. A tag none of H2's own types uses (theirs are 0–19, 32–49 and 64–119;
     * {@link DocumentValueType} has 120). Keys written before, Java-serialised, are still read.
     */
    private static final byte STRINGS = 121;
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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key && onlyStrings(key)) {
            buff.put(STRINGS).putVarInt(key.size());
            for (Object value : key) {
                String s = (String) value;
                buff.putVarInt(s.length()).putStringData(s, s.length());
            }
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != STRINGS) {
            return super.read(buff);
        }
        buff.get();
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            values[i] = DataUtils.readString(buff, DataUtils.readVarInt(buff));
        }
        return new KeyValue(values);
    }

    private static boolean onlyStrings(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
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
