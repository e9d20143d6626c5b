package org.scizoo.core.model;

import java.util.Objects;

/** One row of a SciDog configuration: what to read from Tango, when, and how to name it. */
public record MetadataEntry(String group, String name, String device, String attribute, String unit, When when,
        boolean enabled) {

    /** When in a scan the attribute is read. */
    public enum When {
        START, END, BOTH
    }

    public MetadataEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(attribute, "attribute");
        when = when == null ? When.END : when;
    }
}
