package org.scizoo.scanlog.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.ConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.IEditableRule;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.data.IRowDataProvider;
import org.eclipse.nebula.widgets.nattable.edit.EditConfigAttributes;
import org.eclipse.nebula.widgets.nattable.edit.editor.ComboBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.MultiLineTextCellEditor;
import org.eclipse.nebula.widgets.nattable.filterrow.FilterRowHeaderComposite;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.IConfigLabelAccumulator;
import org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.TextPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.decorator.CellPainterDecorator;
import org.eclipse.nebula.widgets.nattable.selection.RowSelectionModel;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.util.GUIHelper;
import org.eclipse.nebula.widgets.nattable.ui.util.CellEdgeEnum;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.widgets.Composite;
import org.scizoo.scanlog.core.AnnotationField;
import org.scizoo.scanlog.core.ScanColumn;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.ScanlogDefaults;
import org.scizoo.scanlog.core.ScanlogSession.Snapshot;

/**
 * The Scanlog's NatTable over a session's snapshots: column headers that sort, a filter row, row headers,
 * row selection kept by pid, and the annotation columns edited in place. It only shows: sorting, filtering
 * and storing edits happen elsewhere (the listeners). Display thread only.
 */
final class ScanlogTable {

    /** Someone edited an annotation cell. */
    interface Edits {
        void edit(int tableRow, AnnotationField field, String value);
    }

    static final String EDITABLE = "SCANLOG_EDITABLE_";
    static final String IMAGES = "SCANLOG_IMAGES";
    /** Every cell of a scan that did not finish (stopped, aborted, failed): tinted, so it stands out. */
    static final String INCOMPLETE = "SCANLOG_INCOMPLETE";
    static final int ROW_HEIGHT = 26;

    private Snapshot snapshot;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> widths = new HashMap<>();
    private final NatTable nat;
    private final DataLayer bodyData;
    private final SelectionLayer selection;
    private final ViewportLayer viewport;
    private final RowSelectionModel<Integer> rowSelection;
    private final ScanlogSortModel sortModel;
    private final FilterRowHeaderComposite<Integer> filterRow;
    private final Map<String, String> filters = new LinkedHashMap<>();

    ScanlogTable(Composite parent, Consumer<ScanView.Sort> onSort, Consumer<Map<String, String>> onFilters, Edits edits,
            ICellPainter thumbnail) {
        IRowDataProvider<Integer> body = new IRowDataProvider<>() {
            @Override
            public Object getDataValue(int column, int index) {
                Snapshot s = snapshot;
                if (s == null || index >= s.rows().size() || column >= columns.size()) {
                    return "";
                }
                ScanColumn c = s.table().column(columns.get(column));
                return c == null ? "" : CellText.of(c, s.rows().row(index));
            }

            @Override
            public void setDataValue(int column, int index, Object value) {
                Snapshot s = snapshot;
                AnnotationField field = CellText.annotationField(columns.get(column));
                if (s != null && field != null && index < s.rows().size()) {
                    edits.edit(s.rows().row(index), field, CellText.stored(field, value));
                }
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }

            @Override
            public int getRowCount() {
                Snapshot s = snapshot;
                return s == null ? 0 : s.rows().size();
            }

            @Override
            public Integer getRowObject(int index) {
                Snapshot s = snapshot;
                return s == null || index >= s.rows().size() ? -1 : s.rows().row(index);
            }

            @Override
            public int indexOfRowObject(Integer row) {
                Snapshot s = snapshot;
                return s == null ? -1 : s.rows().indexOf(row);
            }
        };
        bodyData = new DataLayer(body);
        bodyData.setDefaultRowHeight(ROW_HEIGHT);
        bodyData.setConfigLabelAccumulator(editableLabels());
        selection = new SelectionLayer(bodyData);
        rowSelection = new RowSelectionModel<>(selection, body, row -> {
            Snapshot s = snapshot;
            return s == null || row < 0 ? "" : s.table().pid(row);
        });
        selection.setSelectionModel(rowSelection);
        viewport = new ViewportLayer(selection);

        IDataProvider header = new IDataProvider() {
            @Override
            public Object getDataValue(int column, int row) {
                Snapshot s = snapshot;
                ScanColumn c = s == null || column >= columns.size() ? null : s.table().column(columns.get(column));
                return c == null ? "" : c.header();
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                // headers are not edited
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        };
        ConfigRegistry config = new ConfigRegistry();
        DataLayer headerData = new DefaultColumnHeaderDataLayer(header);
        ColumnHeaderLayer columnHeader = new ColumnHeaderLayer(headerData, viewport, selection);
        sortModel = new ScanlogSortModel(i -> i < columns.size() ? columns.get(i) : null, columns::indexOf, onSort);
        SortHeaderLayer<Integer> sortHeader = new SortHeaderLayer<>(columnHeader, sortModel, false);
        filterRow = new FilterRowHeaderComposite<>(filterIndexToObject -> {
            filters.clear();
            filterIndexToObject.forEach((i, v) -> {
                if (i < columns.size() && v != null && !v.toString().isBlank()) {
                    filters.put(columns.get(i), v.toString());
                }
            });
            onFilters.accept(Map.copyOf(filters));
        }, sortHeader, header, config);

        DefaultRowHeaderDataProvider rowHeader = new DefaultRowHeaderDataProvider(body);
        DataLayer rowHeaderData = new DefaultRowHeaderDataLayer(rowHeader);
        rowHeaderData.setDefaultColumnWidth(60);
        RowHeaderLayer rowHeaderLayer = new RowHeaderLayer(rowHeaderData, viewport, selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(header, rowHeader)),
                rowHeaderLayer, filterRow);
        GridLayer grid = new GridLayer(viewport, filterRow, rowHeaderLayer, corner);

        nat = new NatTable(parent, grid, false);
        nat.setConfigRegistry(config);
        nat.addConfiguration(new DefaultNatTableStyleConfiguration());
        nat.addConfiguration(new SingleClickSortConfiguration());
        nat.addConfiguration(editors());
        nat.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry registry) {
                registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER,
                        new CellPainterDecorator(new TextPainter(), CellEdgeEnum.LEFT, thumbnail), DisplayMode.NORMAL,
                        IMAGES);
                Style incomplete = new Style();
                incomplete.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, GUIHelper.getColor(255, 228, 196));
                registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, incomplete, DisplayMode.NORMAL,
                        INCOMPLETE);
            }
        });
        nat.configure();
    }

    private IConfigLabelAccumulator editableLabels() {
        return (labels, columnPosition, rowPosition) -> {
            Snapshot s = snapshot;
            if (s != null && rowPosition < s.rows().size()
                    && ScanlogDefaults.incomplete(s.table(), s.rows().row(rowPosition))) {
                labels.add(INCOMPLETE);
            }
            if (columnPosition < columns.size() && CellText.annotationField(columns.get(columnPosition)) != null) {
                labels.add(EDITABLE + columns.get(columnPosition));
            } else if (columnPosition < columns.size()
                    && AnnotationField.IMAGES.id().equals(columns.get(columnPosition))) {
                labels.add(IMAGES);
            }
        };
    }

    private static AbstractRegistryConfiguration editors() {
        return new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry registry) {
                for (AnnotationField f : List.of(AnnotationField.COMMENT, AnnotationField.RATING,
                        AnnotationField.QUALITY, AnnotationField.QUALITY_METRICS)) {
                    registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE,
                            IEditableRule.ALWAYS_EDITABLE, DisplayMode.EDIT, EDITABLE + f.id());
                }
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, new MultiLineTextCellEditor(true),
                        DisplayMode.EDIT, EDITABLE + AnnotationField.COMMENT.id());
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR,
                        new ComboBoxCellEditor(CellText.RATINGS), DisplayMode.EDIT,
                        EDITABLE + AnnotationField.RATING.id());
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR,
                        new ComboBoxCellEditor(CellText.QUALITIES), DisplayMode.EDIT,
                        EDITABLE + AnnotationField.QUALITY.id());
            }
        };
    }

    /**
     * Shows a new snapshot. The row at the top of the view stays there (new scans arriving above it do not
     * push it down) unless the view was at the very top, where new scans are meant to be seen; the selection
     * is kept by pid by the row selection model.
     */
    void show(Snapshot next, List<String> shownColumns) {
        Snapshot previous = snapshot;
        int anchorRow = -1;
        int topIndex = viewport.getRowIndexByPosition(0);
        if (previous != null && next.table() == previous.table() && topIndex > 0 && topIndex < previous.rows().size()) {
            anchorRow = previous.rows().row(topIndex);
        }
        boolean columnsChanged = !columns.equals(shownColumns);
        if (columnsChanged) {
            rememberWidths();
            columns.clear();
            columns.addAll(shownColumns);
            for (int i = 0; i < columns.size(); i++) {
                bodyData.setColumnWidthByPosition(i, widths.getOrDefault(columns.get(i), defaultWidth(columns.get(i))),
                        false);
            }
            showFiltersInFilterRow();
        }
        snapshot = next;
        nat.refresh();
        if (anchorRow >= 0) {
            int at = next.rows().indexOf(anchorRow);
            if (at > 0 && at != topIndex) {
                viewport.setOriginY(bodyData.getStartYOfRowPosition(at));
            }
        }
    }

    private void rememberWidths() {
        for (int i = 0; i < columns.size(); i++) {
            widths.put(columns.get(i), bodyData.getColumnWidthByPosition(i));
        }
    }

    static int defaultWidth(String id) {
        return switch (id) {
            case "pid", "dataPath", "sm.scan_command" -> 260;
            case "name", "pi", "comment" -> 170;
            case "startTime", "endTime", "creationTime" -> 140;
            case "scan", "rating", "images" -> 70;
            default -> 110;
        };
    }

    /** The shown columns' widths (for a layout). */
    Map<String, Integer> widths() {
        rememberWidths();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String id : columns) {
            out.put(id, widths.get(id));
        }
        return out;
    }

    void setWidths(Map<String, Integer> w) {
        widths.putAll(w);
        for (int i = 0; i < columns.size(); i++) {
            Integer width = w.get(columns.get(i));
            if (width != null) {
                bodyData.setColumnWidthByPosition(i, width, false);
            }
        }
        nat.refresh();
    }

    /** Sets the sort and the filter row's contents from a layout (the caller tells the session). */
    void setSortAndFilters(ScanView.Sort sort, Map<String, String> newFilters) {
        sortModel.set(sort);
        filters.clear();
        filters.putAll(newFilters);
        showFiltersInFilterRow();
        nat.refresh();
    }

    /** The filter row keeps its texts by column position: put each filter under its column again. */
    private void showFiltersInFilterRow() {
        var map = filterRow.getFilterRowDataLayer().getFilterRowDataProvider().getFilterIndexToObjectMap();
        map.clear();
        for (int i = 0; i < columns.size(); i++) {
            if (filters.containsKey(columns.get(i))) {
                map.put(i, filters.get(columns.get(i)));
            }
        }
    }

    Map<String, String> filters() {
        return Map.copyOf(filters);
    }

    ScanView.Sort sort() {
        return sortModel.sort();
    }

    /** The selected table rows, in the order shown. */
    List<Integer> selectedRows() {
        Snapshot s = snapshot;
        if (s == null) {
            return List.of();
        }
        List<Integer> rows = new ArrayList<>(rowSelection.getSelectedRowObjects());
        rows.removeIf(r -> r < 0);
        rows.sort(java.util.Comparator.comparingInt(r -> s.rows().indexOf(r)));
        return rows;
    }

    /** Selects and scrolls to the scan of that pid; false when it is not among the rows shown. */
    boolean reveal(String pid) {
        Snapshot s = snapshot;
        java.util.OptionalInt row = s == null ? java.util.OptionalInt.empty() : s.table().row(pid);
        int index = row.isPresent() ? s.rows().indexOf(row.getAsInt()) : -1;
        if (index < 0) {
            return false;
        }
        nat.doCommand(new org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand(selection, 0, index,
                false, false));
        nat.doCommand(new org.eclipse.nebula.widgets.nattable.viewport.command.ShowRowInViewportCommand(index));
        return true;
    }

    /** The table row under a point of the NatTable, or -1. */
    int rowAt(int x, int y) {
        Snapshot s = snapshot;
        int position = nat.getRowPositionByY(y);
        if (s == null || position < 0 || !nat.getRegionLabelsByXY(x, y).hasLabel("BODY")) {
            return -1;
        }
        int index = nat.getRowIndexByPosition(position);
        return index >= 0 && index < s.rows().size() ? s.rows().row(index) : -1;
    }

    /** The column id under a point, or null. */
    String columnAt(int x) {
        int position = nat.getColumnPositionByX(x);
        int index = position < 0 ? -1 : nat.getColumnIndexByPosition(position);
        return index >= 0 && index < columns.size() ? columns.get(index) : null;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    List<String> columns() {
        return List.copyOf(columns);
    }

    NatTable nat() {
        return nat;
    }
}
