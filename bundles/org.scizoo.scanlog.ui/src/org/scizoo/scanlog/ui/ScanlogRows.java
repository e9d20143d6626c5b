package org.scizoo.scanlog.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.scizoo.core.model.Dataset;

/**
 * The Scanlog's rows, newest first, without duplicates. Used only on the display thread; no SWT here.
 * The initial page and the live feed overlap (a scan stored while the page loads comes by both ways),
 * so rows are keyed by pid.
 */
public final class ScanlogRows {

    static final Comparator<Dataset> NEWEST_FIRST = Comparator.comparing(Dataset::creationTime).reversed()
            .thenComparing(Dataset::pid, Comparator.reverseOrder());

    private final List<Dataset> rows = new ArrayList<>();
    private final Set<String> pids = new HashSet<>();

    /** The live list the table shows; mutate only through {@link #merge}. */
    public List<Dataset> list() {
        return rows;
    }

    /**
     * Adds new datasets (replacing ones with the same pid) and keeps the order.
     *
     * @return how many rows were added or replaced
     */
    public int merge(Collection<Dataset> incoming) {
        int changed = 0;
        for (Dataset d : incoming) {
            if (pids.add(d.pid())) {
                rows.add(d);
            } else {
                rows.replaceAll(r -> r.pid().equals(d.pid()) ? d : r);
            }
            changed++;
        }
        if (changed > 0) {
            rows.sort(NEWEST_FIRST);
        }
        return changed;
    }

    public int size() {
        return rows.size();
    }
}
