package org.scizoo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * Reads a message's UTF-8 JSON straight into a {@link Document}, as {@code Document.parse} would, only
 * faster: BSON's JSON reader (which also understands the shell's and extended JSON's forms) was half of
 * SciCow's decoding, and decoding its main work.
 * <p>
 * Only plain JSON is read here: objects, arrays, strings, numbers ({@code Integer} when they fit, else
 * {@code Long}; with a fraction or exponent {@code Double}), booleans and null. Anything else — a key
 * starting with {@code $} (extended JSON), a number past {@code long}, a syntax error, trailing text —
 * returns null, and the caller asks {@code Document.parse}, whose answer (or error message) stands.
 */
public final class PlainJson {

    /** Deeper than this is left to Document.parse (and its limits). */
    private static final int MAX_DEPTH = 200;

    private final byte[] in;
    private int at;
    private int depth;

    private PlainJson(byte[] in) {
        this.in = in;
    }

    /** The document, or null if this is not plain JSON (then {@code Document.parse} decides). */
    public static Document parse(byte[] json) {
        PlainJson p = new PlainJson(json);
        try {
            p.space();
            if (p.peek() != '{') {
                return null;
            }
            Document d = p.object();
            p.space();
            return d != null && p.at == json.length ? d : null;
        } catch (NotPlain | ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    /** Thrown to leave the fast path; no stack trace (it is not an error, Document.parse takes over). */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private Document object() {
        at++; // {
        Document d = new Document();
        space();
        if (peek() == '}') {
            at++;
            return d;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw NotPlain.INSTANCE;
            }
            String key = string();
            if (key.startsWith("$")) {
                throw NotPlain.INSTANCE;
            }
            space();
            expect(':');
            d.put(key, value());
            space();
            byte c = in[at++];
            if (c == '}') {
                return d;
            }
            if (c != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    private List<Object> array() {
        at++; // [
        List<Object> list = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            space();
            byte c = in[at++];
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    private Object value() {
        space();
        if (depth > MAX_DEPTH) {
            throw NotPlain.INSTANCE;
        }
        byte c = peek();
        switch (c) {
            case '{' : {
                depth++;
                Document d = object();
                depth--;
                return d;
            }
            case '[' : {
                depth++;
                List<Object> l = array();
                depth--;
                return l;
            }
            case '"' :
                return string();
            case 't' :
                word("true");
                return Boolean.TRUE;
            case 'f' :
                word("false");
                return Boolean.FALSE;
            case 'n' :
                word("null");
                return null;
            default :
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw NotPlain.INSTANCE;
        }
    }

    private String string() {
        at++; // "
        int start = at;
        while (true) {
            byte c = in[at];
            if (c == '"') {
                String s = new String(in, start, at - start, StandardCharsets.UTF_8);
                at++;
                return s;
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c >= 0 && c < 0x20) {
                throw NotPlain.INSTANCE; // a raw control character: JSON does not allow it
            }
            at++;
        }
    }

    /** The rest of a string that has escapes, from {@code start} (its first character). */
    private String escapedString(int start) {
        StringBuilder b = new StringBuilder(new String(in, start, at - start, StandardCharsets.UTF_8));
        while (true) {
            int runStart = at;
            while (in[at] != '"' && in[at] != '\\') {
                if (in[at] >= 0 && in[at] < 0x20) {
                    throw NotPlain.INSTANCE;
                }
                at++;
            }
            b.append(new String(in, runStart, at - runStart, StandardCharsets.UTF_8));
            if (in[at++] == '"') {
                return b.toString();
            }
            byte e = in[at++];
            switch (e) {
                case '"', '\\', '/' -> b.append((char) e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(new String(in, at, 4, StandardCharsets.US_ASCII), 16));
                    at += 4;
                }
                default -> throw NotPlain.INSTANCE;
            }
        }
    }

    private Object number() {
        int start = at;
        boolean integral = true;
        if (in[at] == '-') {
            at++;
        }
        if (in[at] == '0') {
            at++;
        } else if (!digits()) {
            throw NotPlain.INSTANCE;
        }
        if (at < in.length && in[at] == '.') {
            at++;
            integral = false;
            if (!digits()) {
                throw NotPlain.INSTANCE;
            }
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            integral = false;
            if (at < in.length && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            if (!digits()) {
                throw NotPlain.INSTANCE;
            }
        }
        String text = new String(in, start, at - start, StandardCharsets.US_ASCII);
        if (!integral) {
            return Double.parseDouble(text);
        }
        long v = Long.parseLong(text); // past long: NumberFormatException, Document.parse decides
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    /** Skips one or more digits; false if there is none. */
    private boolean digits() {
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        return at > start;
    }

    private void word(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (in[at++] != w.charAt(i)) {
                throw NotPlain.INSTANCE;
            }
        }
    }

    private void expect(char c) {
        if (in[at++] != c) {
            throw NotPlain.INSTANCE;
        }
    }

    private byte peek() {
        return in[at];
    }

    private void space() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }
}
