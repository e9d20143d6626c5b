package org.scizoo.scanlog.ui;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.scizoo.scanlog.core.ScanView;

/**
 * NatTable's sort header on the Scanlog's own sort: a click on a header cycles ascending, descending, none
 * (newest first); the sorting itself happens in the session's worker, never in NatTable.
 */
final class ScanlogSortModel implements ISortModel {

    private final IntFunction<String> columnIdAt;
    private final Consumer<ScanView.Sort> onSort;
    private final java.util.function.ToIntFunction<String> indexOf;
    private ScanView.Sort sort = ScanView.Sort.NEWEST_FIRST;

    ScanlogSortModel(IntFunction<String> columnIdAt, java.util.function.ToIntFunction<String> indexOf,
            Consumer<ScanView.Sort> onSort) {
        this.columnIdAt = columnIdAt;
        this.indexOf = indexOf;
        this.onSort = onSort;
    }

    ScanView.Sort sort() {
        return sort;
    }

    void set(ScanView.Sort s) {
        sort = s == null ? ScanView.Sort.NEWEST_FIRST : s;
    }

    @Override
    public List<Integer> getSortedColumnIndexes() {
        int i = sort.columnId() == null ? -1 : indexOf.applyAsInt(sort.columnId());
        return i < 0 ? List.of() : List.of(i);
    }

    @Override
    public boolean isColumnIndexSorted(int columnIndex) {
        return sort.columnId() != null && sort.columnId().equals(columnIdAt.apply(columnIndex));
    }

    @Override
    public SortDirectionEnum getSortDirection(int columnIndex) {
        if (!isColumnIndexSorted(columnIndex)) {
            return SortDirectionEnum.NONE;
        }
        return sort.ascending() ? SortDirectionEnum.ASC : SortDirectionEnum.DESC;
    }

    @Override
    public int getSortOrder(int columnIndex) {
        return isColumnIndexSorted(columnIndex) ? 0 : -1;
    }

    @SuppressWarnings("rawtypes")
    @Override
    public List<Comparator> getComparatorsForColumnIndex(int columnIndex) {
        return List.of();
    }

    @Override
    public Comparator<?> getColumnComparator(int columnIndex) {
        return null;
    }

    @Override
    public void sort(int columnIndex, SortDirectionEnum direction, boolean accumulate) {
        sort = direction == SortDirectionEnum.NONE ? ScanView.Sort.NEWEST_FIRST
                : new ScanView.Sort(columnIdAt.apply(columnIndex), direction == SortDirectionEnum.ASC);
        onSort.accept(sort);
    }

    @Override
    public void clear() {
        sort = ScanView.Sort.NEWEST_FIRST;
        onSort.accept(sort);
    }
}
