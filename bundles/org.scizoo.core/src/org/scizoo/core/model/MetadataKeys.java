package org.scizoo.core.model;

import java.nio.charset.StandardCharsets;

/**
 * Keys of {@code scientificMetadata} become MongoDB field names, where a {@code .} splits a path and a
 * leading {@code $} names an operator, so a name such as {@code B310A/DIA/TCO-02.temp} is stored encoded.
 * The encoding is SciCat's ({@code encodeURIComponentExtended} in its {@code src/common/utils.ts}: the
 * percent-encoding of JavaScript's {@code encodeURIComponent}, and {@code .} as {@code %2E}), so that keys
 * we write and keys SciCat writes are the same keys. A key that is already encoded is kept, as SciCat keeps
 * it; keys of older catalogues, where we wrote {@code _} for a dot, are valid keys and are read as they are.
 */
public final class MetadataKeys {

    /** A file's checksum ("sha256:…"), set by sources that read their files (SciFly): the datablock's {@code chk}. */
    public static final String DATA_FILE_CHECKSUM = "data_file_checksum";
    /** A file's format as its reader names it ("Scienta SES text"): the dataset's {@code dataFormat}. */
    public static final String FILE_FORMAT = "file_format";

    /** What {@code encodeURIComponent} leaves as it is, but for {@code .} (SciCat encodes it too). */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!~*'()";

    private MetadataKeys() {
    }

    /** The stored form of a name, as SciCat's {@code encodeScientificMetadataKeys} makes it. */
    public static String safe(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A metadata key must not be blank");
        }
        String k = key.strip();
        return label(k).equals(k) ? encode(k) : k;
    }

    public static boolean isSafe(String key) {
        return key != null && !key.isBlank() && key.equals(safe(key));
    }

    /** The name a person reads: the stored key decoded as SciCat decodes it ({@code %2E} to a dot). */
    public static String label(String key) {
        try {
            return java.net.URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key; // a lone '%' that starts no escape: SciCat keeps such a key as it is
        }
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
