package org.scizoo.config.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataConfigStore;

/**
 * What the SciDog editor edits: a beamline's entries, with every change undoable, a dirty state against
 * the last saved version, and the problems of each row that need no device to find (empty fields,
 * duplicate names). No SWT here; the editor part shows it and sends it the user's edits. Not thread-safe:
 * the display thread owns it.
 */
public final class ConfigEditorModel {

    private static final int UNDO_LIMIT = 200;

    private final String instrument;
    private final List<MetadataEntry> entries = new ArrayList<>();
    private final Deque<List<MetadataEntry>> undo = new ArrayDeque<>();
    private final Deque<List<MetadataEntry>> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private List<MetadataEntry> saved;
    private int savedVersion;

    public ConfigEditorModel(String instrument, MetadataConfig current) {
        this.instrument = instrument;
        this.saved = current == null ? List.of() : current.entries();
        this.savedVersion = current == null ? 0 : current.version();
        entries.addAll(saved);
    }

    public String instrument() {
        return instrument;
    }

    public List<MetadataEntry> entries() {
        return List.copyOf(entries);
    }

    public int savedVersion() {
        return savedVersion;
    }

    public boolean isDirty() {
        return !entries.equals(saved);
    }

    /** Adds an entry after {@code index} (or at the end for -1) with a name no other entry has. */
    public int add(int index, MetadataEntry entry) {
        int at = index < 0 || index >= entries.size() ? entries.size() : index + 1;
        change(() -> entries.add(at, rename(entry, entry.name())));
        return at;
    }

    public void remove(int... rows) {
        int[] sorted = valid(rows);
        if (sorted.length == 0) {
            return;
        }
        change(() -> {
            for (int i = sorted.length - 1; i >= 0; i--) {
                entries.remove(sorted[i]);
            }
        });
    }

    /** Copies the rows, each right after its last selected row, named "<name> copy". */
    public void duplicate(int... rows) {
        int[] sorted = valid(rows);
        if (sorted.length == 0) {
            return;
        }
        change(() -> {
            int insertAt = sorted[sorted.length - 1] + 1;
            for (int r : sorted) {
                MetadataEntry e = entries.get(r);
                entries.add(insertAt++, rename(e, e.name() + " copy"));
            }
        });
    }

    /**
     * Moves the rows up ({@code -1}) or down ({@code +1}) by one, keeping their order; rows at an edge stay.
     *
     * @return the rows' new indices, for the selection
     */
    public int[] move(int delta, int... rows) {
        int[] sorted = valid(rows);
        if (sorted.length == 0 || delta == 0 || sorted[0] + delta < 0
                || sorted[sorted.length - 1] + delta >= entries.size()) {
            return sorted;
        }
        change(() -> {
            List<MetadataEntry> moving = new ArrayList<>();
            for (int i = sorted.length - 1; i >= 0; i--) {
                moving.add(0, entries.remove(sorted[i]));
            }
            int at = sorted[0] + delta;
            entries.addAll(at, moving);
        });
        return Arrays.stream(sorted).map(r -> r + delta).toArray();
    }

    /** Replaces one row (an edited cell). */
    public void set(int row, MetadataEntry entry) {
        if (row < 0 || row >= entries.size() || entries.get(row).equals(entry)) {
            return;
        }
        change(() -> entries.set(row, entry));
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (canUndo()) {
            redo.push(List.copyOf(entries));
            restore(undo.pop());
        }
    }

    public void redo() {
        if (canRedo()) {
            undo.push(List.copyOf(entries));
            restore(redo.pop());
        }
    }

    /** Problems found without asking any device, by row; an empty map when the entries can be saved. */
    public Map<Integer, List<String>> problems() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        Map<String, Integer> firstWithKey = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            MetadataEntry e = entries.get(i);
            List<String> p = new ArrayList<>();
            if (e.name().isBlank()) {
                p.add("the name is empty");
            }
            if (e.device().isBlank()) {
                p.add("the device is empty");
            }
            if (e.attribute().isBlank()) {
                p.add("the attribute is empty");
            }
            if (!e.name().isBlank()) {
                Integer first = firstWithKey.putIfAbsent(MetadataKeys.safe(e.name()), i);
                if (first != null) {
                    p.add("the same name as row " + (first + 1));
                }
            }
            if (!p.isEmpty()) {
                out.put(i, p);
            }
        }
        return out;
    }

    /** Saves the entries as the beamline's next version; afterwards the model is clean. */
    public MetadataConfig save(MetadataConfigStore store, String author) throws CatalogException {
        MetadataConfig v = store.save(instrument, entriesToSave(), author);
        saved(v);
        return v;
    }

    /**
     * The entries as they are to be saved, for a save that runs elsewhere (a job).
     *
     * @throws CatalogException when rows have problems: nothing is to be saved then
     */
    public List<MetadataEntry> entriesToSave() throws CatalogException {
        int rowsWithProblems = problems().size();
        if (rowsWithProblems > 0) {
            throw new CatalogException("Not saved: " + rowsWithProblems + " rows have problems; see the table");
        }
        return List.copyOf(entries);
    }

    /** The store saved {@code v}: that is the saved state now; edits made while it saved stay as changes. */
    public void saved(MetadataConfig v) {
        saved = v.entries();
        savedVersion = v.version();
        fire();
    }

    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void change(Runnable edit) {
        List<MetadataEntry> before = List.copyOf(entries);
        edit.run();
        if (!entries.equals(before)) {
            undo.push(before);
            while (undo.size() > UNDO_LIMIT) {
                undo.removeLast();
            }
            redo.clear();
            fire();
        }
    }

    private void restore(List<MetadataEntry> snapshot) {
        entries.clear();
        entries.addAll(snapshot);
        fire();
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    private int[] valid(int... rows) {
        return Arrays.stream(rows).filter(r -> r >= 0 && r < entries.size()).distinct().sorted().toArray();
    }

    /** The entry under a name no other entry has ("T01", "T01 copy", "T01 copy 2", …). */
    private MetadataEntry rename(MetadataEntry e, String wanted) {
        Set<String> taken = new HashSet<>();
        entries.forEach(x -> taken.add(MetadataKeys.safe(x.name().isBlank() ? "_" : x.name())));
        String name = wanted.isBlank() ? "new entry" : wanted;
        String candidate = name;
        for (int n = 2; taken.contains(MetadataKeys.safe(candidate)); n++) {
            candidate = name + " " + n;
        }
        return new MetadataEntry(e.group(), candidate, e.device(), e.attribute(), e.unit(), e.when(), e.enabled());
    }
}
