package org.scizoo.scanlog.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.ingest.DatasetFactory;
import org.scizoo.scanlog.core.ScanColumn.Kind;

/**
 * The scans the Scanlog holds, column-wise: the fixed dataset fields, one column per
 * {@code scientificMetadata} key (discovered as data arrives) and the annotation columns. Rows keep the
 * index they were added at; a new version of a dataset (same pid) rewrites its row in place. Sorting and
 * filtering are {@link ScanView}'s job.
 * <p>
 * Single writer: the Scanlog's worker thread adds rows and computes views; the display thread only reads
 * cells of rows a published view holds.
 */
public final class ScanTable {

    /**
     * The columns by id, and in the order they were found. The display thread looks columns up while the
     * worker adds new ones (a metadata key first seen), so both are safe to read concurrently.
     */
    private final Map<String, ScanColumn> columns = new ConcurrentHashMap<>();
    private final List<ScanColumn> ordered = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> rowOfPid = new HashMap<>();
    /** Annotations that came before their dataset (the live feed and the first load race): applied on arrival. */
    private final Map<String, Map<String, Object>> early = new HashMap<>();
    private final ScanColumn pids;
    private volatile int size;
    private volatile long version;
    /** Counts rows written again in place (a dataset's new version): the newest-first order must be redone then. */
    private long rewrites;
    private int capacity;

    public ScanTable() {
        this(1024);
    }

    public ScanTable(int expectedRows) {
        capacity = Math.max(16, expectedRows);
        for (DatasetField f : DatasetField.values()) {
            addColumn(new ScanColumn(f.id(), f.header(), f.kind(), capacity));
        }
        for (AnnotationField f : AnnotationField.values()) {
            addColumn(new ScanColumn(f.id(), f.header(), f.kind(), capacity));
        }
        pids = columns.get(DatasetField.PID.id());
    }

    /** Rows held (some may be filtered out of a view). */
    public int size() {
        return size;
    }

    /** Changes with every write, so a view knows when it is stale. */
    public long version() {
        return version;
    }

    /** How many rows were rewritten in place so far; rows only appended leave it alone. */
    long rewrites() {
        return rewrites;
    }

    /** Columns in the order they were discovered: dataset fields, annotations, then metadata keys. */
    public List<ScanColumn> columns() {
        return List.copyOf(ordered);
    }

    private ScanColumn addColumn(ScanColumn c) {
        columns.put(c.id(), c);
        ordered.add(c);
        return c;
    }

    /** A column by id, or {@code null}. */
    public ScanColumn column(String id) {
        return id == null ? null : columns.get(id);
    }

    public String pid(int row) {
        return pids.text(row);
    }

    public OptionalInt row(String pid) {
        Integer r = rowOfPid.get(pid);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** Adds datasets, or rewrites the rows of ones already held (a new version of the same pid). */
    public void addAll(Collection<Dataset> datasets) {
        for (Dataset d : datasets) {
            add(d);
        }
    }

    /** @return the dataset's row */
    public int add(Dataset d) {
        Integer existing = rowOfPid.get(d.pid());
        int row = existing != null ? existing : size;
        if (existing == null) {
            grow(row + 1);
        }
        for (DatasetField f : DatasetField.values()) {
            columns.get(f.id()).set(row, f.value(d), null);
        }
        if (existing != null) {
            clearMetadata(row);
            rewrites++;
        }
        for (Map.Entry<String, MetadataValue> e : d.scientificMetadata().entrySet()) {
            MetadataValue v = e.getValue();
            metadataColumn(e.getKey(), v).set(row, v.value(), v.unit());
        }
        if (existing == null) {
            rowOfPid.put(d.pid(), row);
            Map<String, Object> notes = early.remove(d.pid());
            if (notes != null) {
                notes.forEach((column, value) -> columns.get(column).set(row, value, null));
            }
            size = row + 1;
        }
        version++;
        return row;
    }

    /**
     * Sorts every text column's dictionary once, so that the first click on a header is as quick as the
     * others (the session does it when a load is done; live values are merged in later, cheaply).
     */
    public void prepareSorting() {
        for (ScanColumn c : ordered) {
            c.textValues().prepareRanks();
        }
    }

    /** Sets an annotation cell (comment, rating, …) of the dataset, held or still to come. */
    public void annotate(String pid, AnnotationField field, Object value) {
        Integer row = rowOfPid.get(pid);
        if (row == null) {
            early.computeIfAbsent(pid, p -> new HashMap<>()).put(field.id(), value);
            return;
        }
        columns.get(field.id()).set(row, value, null);
        version++;
    }

    private ScanColumn metadataColumn(String key, MetadataValue first) {
        String id = metadataId(key);
        ScanColumn c = columns.get(id);
        if (c == null) {
            Kind kind = first.value() instanceof Number ? Kind.NUMBER : Kind.TEXT;
            c = addColumn(new ScanColumn(id, HEADERS.getOrDefault(key, MetadataKeys.label(key)), kind, capacity));
        }
        return c;
    }

    /** Headers for the keys every scan of this workbench has; other keys are their own header. */
    private static final Map<String, String> HEADERS = Map.of(DatasetFactory.KEY_COMMAND, "Command",
            DatasetFactory.KEY_DETECTORS, "Detectors", DatasetFactory.KEY_DATA_FILE, "Data file",
            DatasetFactory.KEY_SCAN_ID, "Scan id");

    /** The column id of a {@code scientificMetadata} key. */
    public static String metadataId(String key) {
        return METADATA_PREFIX + key;
    }

    private static final String METADATA_PREFIX = "sm.";

    private void clearMetadata(int row) {
        for (ScanColumn c : ordered) {
            if (c.id().startsWith(METADATA_PREFIX)) {
                c.set(row, null, null);
            }
        }
    }

    private void grow(int rows) {
        if (rows > capacity) {
            capacity = Math.max(rows, capacity + (capacity >> 1));
            for (ScanColumn c : ordered) {
                c.ensureCapacity(capacity);
            }
        }
    }
}
