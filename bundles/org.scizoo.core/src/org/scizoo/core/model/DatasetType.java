package org.scizoo.core.model;

/** SciCat's dataset {@code type}. */
public enum DatasetType {
    RAW("raw"), DERIVED("derived");

    private final String json;

    DatasetType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static DatasetType fromJson(String s) {
        for (DatasetType t : values()) {
            if (t.json.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown dataset type '" + s + "' (expected raw or derived)");
    }
}
