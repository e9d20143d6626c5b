package org.scizoo.catalog.mongo.internal;

import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Opens the embedded store's index maps with {@link IndexKeyType}, re-sorting once a map that an older
 * SciZoo wrote in H2's default order. A small map ({@value #ORDERED}) names the maps already in the new
 * order (a name stays there when its index is dropped: an index made again under that name starts
 * empty, so in the new order too).
 * <p>
 * The re-sort is safe at every step, because the store may write a version to disk at any moment: the
 * entries are copied into a new map first, the old one is removed only when the copy is complete, then
 * the copy takes the old one's name, and only then is the map recorded as ordered. Reading a map's
 * entries in order walks its pages and compares nothing, so whatever order a map is in, a copy is right.
 */
final class IndexMaps {

    /** Index map name → "natural" once the map is in {@link IndexKeyType}'s order. */
    static final String ORDERED = "scizoo.index-order";
    private static final String COPY_SUFFIX = ".scizoo-resort";
    private static final System.Logger LOG = System.getLogger(IndexMaps.class.getName());

    private final MVStore store;
    private final MVMap<String, String> ordered;

    IndexMaps(MVStore store) {
        this.store = store;
        this.ordered = store.openMap(ORDERED);
    }

    MVStore store() {
        return store;
    }

    MVMap<KeyValue, Object> open(String name) {
        if (!ordered.containsKey(name)) {
            resortOnce(name);
        }
        return openOrdered(name);
    }

    private void resortOnce(String name) {
        String copyName = name + COPY_SUFFIX;
        if (store.hasMap(name)) {
            if (store.hasMap(copyName)) {
                store.removeMap(copyName); // a copy interrupted before the old map was removed
            }
            MVMap<Object, Object> old = store.openMap(name);
            if (old.sizeAsLong() >= IndexProgress.SAY_SO_FROM) {
                // about 30 s for a catalogue of a million scans, once: say why the catalogue is slow to open
                LOG.log(System.Logger.Level.WARNING, "Re-ordering the catalogue's index " + name + " ("
                        + old.sizeAsLong() + " entries), once after an upgrade of SciZoo; this may take a minute");
            }
            MVMap<KeyValue, Object> copy = openOrdered(copyName);
            IndexProgress progress = IndexProgress.start(
                    "re-ordering the catalogue's index " + name + ", once after an upgrade", old.sizeAsLong());
            long done = 0;
            for (Map.Entry<Object, Object> e : old.entrySet()) {
                copy.put((KeyValue) e.getKey(), e.getValue());
                progress.done(++done);
            }
            store.removeMap(old);
            store.renameMap(copy, name);
        } else if (store.hasMap(copyName)) {
            store.renameMap(openOrdered(copyName), name); // stopped after the old map was removed
        }
        ordered.put(name, "natural");
    }

    private MVMap<KeyValue, Object> openOrdered(String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }
}
