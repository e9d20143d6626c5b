package org.scizoo.catalogue.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.nebula.widgets.nattable.selection.event.ISelectionEvent;
import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.swt.widgets.Composite;
import org.scizoo.core.search.SearchHit;

/**
 * The search's hits as a NatTable: score, pid, name, creation time. A click on a header sorts the page shown
 * (ascending, descending, back to the search's order: best first); arrow keys move the selection, which
 * opens the dataset's page.
 */
final class ResultsTable {

    static final List<String> HEADERS = List.of("Score", "PID", "Name", "Created");
    private final NatTable nat;
    private final SelectionLayer selection;
    private List<SearchHit> ranked = List.of();
    private List<SearchHit> shown = List.of();
    private int sortColumn = -1;
    private boolean ascending;

    ResultsTable(Composite parent, Consumer<SearchHit> selected) {
        IDataProvider body = new IDataProvider() {
            @Override
            public Object getDataValue(int column, int row) {
                return row < shown.size() ? cell(shown.get(row), column) : "";
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                // results are read-only
            }

            @Override
            public int getColumnCount() {
                return HEADERS.size();
            }

            @Override
            public int getRowCount() {
                return shown.size();
            }
        };
        IDataProvider header = new IDataProvider() {
            @Override
            public Object getDataValue(int column, int row) {
                return HEADERS.get(column);
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                // headers are fixed
            }

            @Override
            public int getColumnCount() {
                return HEADERS.size();
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        };
        DataLayer bodyData = new DataLayer(body);
        selection = new SelectionLayer(bodyData);
        ViewportLayer viewport = new ViewportLayer(selection);
        ColumnHeaderLayer columnHeader = new ColumnHeaderLayer(new DefaultColumnHeaderDataLayer(header), viewport,
                selection);
        SortHeaderLayer<SearchHit> sortHeader = new SortHeaderLayer<>(columnHeader, new SortModel(), false);
        DefaultRowHeaderDataProvider rowHeader = new DefaultRowHeaderDataProvider(body);
        RowHeaderLayer rowHeaderLayer = new RowHeaderLayer(new DefaultRowHeaderDataLayer(rowHeader), viewport,
                selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(header, rowHeader)),
                rowHeaderLayer, sortHeader);
        GridLayer grid = new GridLayer(viewport, sortHeader, rowHeaderLayer, corner);
        bodyData.setColumnWidthByPosition(0, 70);
        bodyData.setColumnWidthByPosition(1, 420);
        bodyData.setColumnWidthByPosition(2, 260);
        bodyData.setColumnWidthByPosition(3, 200);
        nat = new NatTable(parent, grid, false);
        nat.addConfiguration(new DefaultNatTableStyleConfiguration());
        nat.addConfiguration(new SingleClickSortConfiguration());
        nat.configure();
        selection.addLayerListener(event -> {
            if (event instanceof ISelectionEvent) {
                SearchHit hit = selected();
                if (hit != null) {
                    selected.accept(hit);
                }
            }
        });
    }

    NatTable nat() {
        return nat;
    }

    void show(List<SearchHit> hits) {
        ranked = List.copyOf(hits);
        sortColumn = -1;
        shown = ranked;
        nat.refresh();
    }

    List<SearchHit> shown() {
        return shown;
    }

    /** The hit on the selected row (the first, when several are), or null. */
    SearchHit selected() {
        int[] rows = selection.getFullySelectedRowPositions();
        if (rows.length == 0) {
            int[] any = selection.getSelectedRowPositions().stream().flatMapToInt(r -> java.util.stream.IntStream
                    .rangeClosed(r.start, r.end - 1)).toArray();
            rows = any;
        }
        int row = rows.length == 0 ? -1 : rows[0];
        return row >= 0 && row < shown.size() ? shown.get(row) : null;
    }

    /** The pids of the selected rows, in the order shown. */
    List<String> selectedPids() {
        List<String> pids = new ArrayList<>();
        for (int r : selection.getFullySelectedRowPositions()) {
            if (r < shown.size()) {
                pids.add(shown.get(r).pid());
            }
        }
        SearchHit one = selected();
        if (pids.isEmpty() && one != null) {
            pids.add(one.pid());
        }
        return pids;
    }

    /** Selects a row as a click would (tests, and the first hit after a search). */
    void select(int row) {
        nat.doCommand(new SelectRowsCommand(selection, 0, row, false, false));
    }

    static String cell(SearchHit h, int column) {
        return switch (column) {
            case 0 -> String.format(Locale.ROOT, "%.3f", h.score());
            case 1 -> h.pid();
            case 2 -> h.datasetName() == null ? "" : h.datasetName();
            default -> h.creationTime() == null ? "" : h.creationTime().toString();
        };
    }

    private Comparator<SearchHit> comparator(int column) {
        return switch (column) {
            case 0 -> Comparator.comparingDouble(SearchHit::score);
            case 3 -> Comparator.comparing(SearchHit::creationTime, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparing(h -> cell(h, column), String.CASE_INSENSITIVE_ORDER);
        };
    }

    /** NatTable's sort header on the page shown: one column at a time, none meaning the search's own order. */
    private final class SortModel implements ISortModel {

        @Override
        public List<Integer> getSortedColumnIndexes() {
            return sortColumn < 0 ? List.of() : List.of(sortColumn);
        }

        @Override
        public boolean isColumnIndexSorted(int columnIndex) {
            return columnIndex == sortColumn;
        }

        @Override
        public SortDirectionEnum getSortDirection(int columnIndex) {
            return columnIndex != sortColumn ? SortDirectionEnum.NONE
                    : ascending ? SortDirectionEnum.ASC : SortDirectionEnum.DESC;
        }

        @Override
        public int getSortOrder(int columnIndex) {
            return columnIndex == sortColumn ? 0 : -1;
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
            if (direction == SortDirectionEnum.NONE) {
                clear();
                return;
            }
            sortColumn = columnIndex;
            ascending = direction == SortDirectionEnum.ASC;
            Comparator<SearchHit> c = comparator(columnIndex);
            List<SearchHit> sorted = new ArrayList<>(ranked);
            sorted.sort(ascending ? c : c.reversed());
            shown = sorted;
        }

        @Override
        public void clear() {
            sortColumn = -1;
            shown = ranked;
        }
    }
}
