package org.scizoo.core.model;

/**
 * Keys of {@code scientificMetadata} become MongoDB field names, where a {@code .} splits a path and
 * a leading {@code $} names an operator. Tango attribute names such as {@code B310A/DIA/TCO-02.temp}
 * must therefore be made safe before they are used as keys.
 */
public final class MetadataKeys {

    /** A file's checksum ("sha256:…"), set by sources that read their files (SciFly): the datablock's {@code chk}. */
    public static final String DATA_FILE_CHECKSUM = "data_file_checksum";
    /** A file's format as its reader names it ("Scienta SES text"): the dataset's {@code dataFormat}. */
    public static final String FILE_FORMAT = "file_format";

    private MetadataKeys() {
    }

    /** A key safe as a MongoDB field name: dots become underscores, a leading '$' is dropped. */
    public static String safe(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A metadata key must not be blank");
        }
        String k = key.strip().replace('.', '_').replace('\0', '_');
        while (k.startsWith("$")) {
            k = k.substring(1);
        }
        return k.isEmpty() ? "_" : k;
    }

    public static boolean isSafe(String key) {
        return key != null && !key.isBlank() && key.equals(safe(key));
    }
}
