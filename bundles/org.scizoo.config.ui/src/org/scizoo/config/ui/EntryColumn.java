package org.scizoo.config.ui;

import java.util.Locale;

import org.scizoo.config.core.RowCheck;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;

/** The SciDog table's columns: how a row shows in each and how an edited cell changes the entry. No SWT. */
public enum EntryColumn {
    GROUP("Group", 110, true), NAME("Name", 150, true), DEVICE("Device", 280, true), ATTRIBUTE("Attribute", 130, true),
    UNIT("Unit", 70, true), WHEN("When", 70, true), ENABLED("Enabled", 65, true), CHECK("Check", 260, false),
    LIVE("Live value", 150, false);

    public static final String[] WHEN_CHOICES = { "start", "end", "both" };

    private final String header;
    private final int width;
    private final boolean editable;

    EntryColumn(String header, int width, boolean editable) {
        this.header = header;
        this.width = width;
        this.editable = editable;
    }

    public String header() {
        return header;
    }

    public int width() {
        return width;
    }

    public boolean editable() {
        return editable;
    }

    /** What the cell shows; {@code check} may be null (not checked yet). */
    public Object value(MetadataEntry e, RowCheck check) {
        return switch (this) {
            case GROUP -> e.group() == null ? "" : e.group();
            case NAME -> e.name();
            case DEVICE -> e.device();
            case ATTRIBUTE -> e.attribute();
            case UNIT ->
                e.unit() != null ? e.unit() : check != null && check.unit() != null ? "(" + check.unit() + ")" : "";
            case WHEN -> e.when().name().toLowerCase(Locale.ROOT);
            case ENABLED -> e.enabled();
            case CHECK -> check == null ? "" : check.ok() ? "\u2713 " + (check.quality() == null ? "" : check.quality())
                    : "\u2717 " + check.problem();
            case LIVE -> check == null || check.liveValue() == null ? "" : check.liveValue();
        };
    }

    /** The entry with this column set to what the user typed or chose. */
    public MetadataEntry edit(MetadataEntry e, Object value) {
        String s = value == null ? "" : value.toString().strip();
        return switch (this) {
            case GROUP ->
                new MetadataEntry(s.isEmpty() ? null : s, e.name(), e.device(), e.attribute(), e.unit(), e.when(),
                        e.enabled());
            case NAME -> new MetadataEntry(e.group(), s, e.device(), e.attribute(), e.unit(), e.when(), e.enabled());
            case DEVICE -> new MetadataEntry(e.group(), e.name(), s, e.attribute(), e.unit(), e.when(), e.enabled());
            case ATTRIBUTE -> new MetadataEntry(e.group(), e.name(), e.device(), s, e.unit(), e.when(), e.enabled());
            case UNIT -> new MetadataEntry(e.group(), e.name(), e.device(), e.attribute(),
                    s.isEmpty() || s.startsWith("(") ? null : s, e.when(), e.enabled());
            case WHEN -> new MetadataEntry(e.group(), e.name(), e.device(), e.attribute(), e.unit(),
                    s.isEmpty() ? e.when() : When.valueOf(s.toUpperCase(Locale.ROOT)), e.enabled());
            case ENABLED -> new MetadataEntry(e.group(), e.name(), e.device(), e.attribute(), e.unit(), e.when(),
                    Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(s));
            case CHECK, LIVE -> e;
        };
    }
}
