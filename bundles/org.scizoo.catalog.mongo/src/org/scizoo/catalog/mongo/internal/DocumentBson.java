package org.scizoo.catalog.mongo.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.wire.bson.BsonEncoder;

/**
 * Writes a document as BSON into a reusable array: a mongo-java-server document with the same bytes as its
 * own {@link BsonEncoder}, and a driver's {@code org.bson.Document} (whose dates are {@code java.util.Date}s)
 * with the same bytes as the driver's codec, for the values a catalogue is made of: strings, 32- and 64-bit
 * integers, doubles, booleans, dates, nulls, documents and lists. Profiled, {@code BsonEncoder} spent half
 * its time looking up each field by name again and growing buffers, and the driver's writer checking each
 * name and keeping a stack of contexts; this walks the entries once into one array. A document holding
 * anything else, or a name BSON cannot hold (one with a NUL character), is left to those encoders
 * ({@link #write} says so). Not thread-safe: one per thread.
 */
public final class DocumentBson {

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final byte[][] INDEXES = new byte[64][];
    private static final int LARGE = 1 << 20;

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private byte[] buf = new byte[8192];
    private int length;

    /**
     * Encodes {@code document}; false when it holds a value not written here (nothing usable is written
     * then, and the caller uses {@link BsonEncoder}).
     */
    public boolean write(Map<String, ?> document) {
        if (buf.length > LARGE) {
            buf = new byte[8192]; // a rare large document's array is not kept for ever
        }
        length = 0;
        return document(document);
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return length;
    }

    private boolean document(Map<String, ?> document) {
        int start = reserve(4);
        for (Map.Entry<String, ?> e : document.entrySet()) {
            String name = e.getKey();
            if (name.indexOf('\0') >= 0 || !element(name.getBytes(StandardCharsets.UTF_8), e.getValue())) {
                return false;
            }
        }
        put((byte) 0);
        putIntAt(start, length - start);
        return true;
    }

    private boolean array(List<?> list) {
        int start = reserve(4);
        for (int i = 0; i < list.size(); i++) {
            byte[] key = i < INDEXES.length ? INDEXES[i] : String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
            if (!element(key, list.get(i))) {
                return false;
            }
        }
        put((byte) 0);
        putIntAt(start, length - start);
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean element(byte[] key, Object value) {
        switch (value) {
            case null -> name(NULL, key);
            case Map<?, ?> m -> {
                name(DOCUMENT, key);
                return document((Map<String, ?>) m);
            }
            case String s -> {
                name(STRING, key);
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length + 1);
                put(utf8);
                put((byte) 0);
            }
            case Integer i -> {
                name(INT32, key);
                putInt(i);
            }
            case Long l -> {
                name(INT64, key);
                putLong(l);
            }
            case Double d -> {
                name(DOUBLE, key);
                putLong(Double.doubleToRawLongBits(d));
            }
            case Boolean b -> {
                name(BOOLEAN, key);
                put((byte) (b ? 1 : 0));
            }
            case Instant t -> {
                name(DATE, key);
                putLong(t.toEpochMilli());
            }
            case Date d -> {
                name(DATE, key);
                putLong(d.getTime());
            }
            case List<?> list -> {
                name(ARRAY, key);
                return array(list);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void name(byte type, byte[] key) {
        put(type);
        put(key);
        put((byte) 0);
    }

    private int reserve(int n) {
        ensure(n);
        int at = length;
        length += n;
        return at;
    }

    private void put(byte b) {
        ensure(1);
        buf[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
    }

    private void putInt(int v) {
        putIntAt(reserve(4), v);
    }

    private void putIntAt(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    private void putLong(long v) {
        putIntAt(reserve(8), (int) v);
        putIntAt(length - 4, (int) (v >>> 32));
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }
}
