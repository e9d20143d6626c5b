package org.scizoo.hdf5.ui;

import java.util.List;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.scizoo.hdf5.ColorMap;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.ImageScale;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;

/**
 * A dataset's values: the slice controls (which axis is rows, which columns, the index of every other),
 * the plot (a line for 1-D, an image with colour map, log scale and min/max for 2-D) and the value table.
 * Only the slice shown is read.
 */
final class DataView {

    /** A slice and, for a line plot, the values of its axis (or null). */
    record Shown(String path, Slice slice, double[] axis, String axisName) {
    }

    private final InspectorReader reader;
    private final java.util.function.Consumer<String> problem;
    private final Composite root;
    private final Composite axes;
    private final CTabFolder tabs;
    private final CTabItem plotTab;
    private final CTabItem valuesTab;
    private final PlotCanvas plot;
    private final Composite valuesHolder;
    private final Combo colorMap;
    private final Button log;
    private final Text min;
    private final Text max;
    private NatTable values;
    private DatasetFacts facts;
    private SliceRequest request;
    private Shown shown;
    private List<String> axisPaths = List.of();

    DataView(Composite parent, InspectorReader reader, java.util.function.Consumer<String> problem) {
        this.reader = reader;
        this.problem = problem;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(2, false));
        axes = new Composite(bar, SWT.NONE);
        axes.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        axes.setLayout(new RowLayout());
        Composite image = new Composite(bar, SWT.NONE);
        image.setLayout(new RowLayout());
        new Label(image, SWT.NONE).setText("Colours:");
        colorMap = new Combo(image, SWT.READ_ONLY);
        for (ColorMap m : ColorMap.values()) {
            colorMap.add(m.name().toLowerCase());
        }
        colorMap.select(0);
        log = new Button(image, SWT.CHECK);
        log.setText("Log");
        new Label(image, SWT.NONE).setText("Min:");
        min = new Text(image, SWT.BORDER);
        min.setMessage("auto");
        new Label(image, SWT.NONE).setText("Max:");
        max = new Text(image, SWT.BORDER);
        max.setMessage("auto");
        colorMap.addListener(SWT.Selection, e -> redrawPlot());
        log.addListener(SWT.Selection, e -> redrawPlot());
        min.addListener(SWT.DefaultSelection, e -> redrawPlot());
        max.addListener(SWT.DefaultSelection, e -> redrawPlot());
        tabs = new CTabFolder(root, SWT.BORDER | SWT.BOTTOM);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        plot = new PlotCanvas(tabs);
        plotTab = new CTabItem(tabs, SWT.NONE);
        plotTab.setText("Plot");
        plotTab.setControl(plot);
        valuesHolder = new Composite(tabs, SWT.NONE);
        valuesHolder.setLayout(new org.eclipse.swt.layout.FillLayout());
        valuesTab = new CTabItem(tabs, SWT.NONE);
        valuesTab.setText("Values");
        valuesTab.setControl(valuesHolder);
        tabs.setSelection(plotTab);
    }

    Control control() {
        return root;
    }

    PlotCanvas plot() {
        return plot;
    }

    Shown shown() {
        return shown;
    }

    void clear(String message) {
        facts = null;
        shown = null;
        rebuildAxes();
        plot.showMessage(message);
        setValues(null);
    }

    /**
     * Shows a dataset: its first frame (or all of a 1-D one), with the given axis datasets (NeXus) if any. The
     * dataset shown already (a reload) keeps the frame, the axes and the part of its rows that were chosen.
     */
    void show(DatasetFacts datasetFacts, List<String> axisDatasets) {
        DatasetFacts before = facts;
        SliceRequest chosen = request;
        facts = datasetFacts;
        axisPaths = axisDatasets == null ? List.of() : axisDatasets;
        if (facts.elementCount() == 0) {
            clear(facts.path() + " holds no values");
            return;
        }
        long[] shape = facts.scalar() ? new long[0] : facts.shape();
        boolean again = before != null && chosen != null && before.path().equals(facts.path()) && !before.scalar();
        request = again ? chosen.reshaped(before.shape(), shape) : SliceRequest.firstFrame(shape);
        rebuildAxes();
        load();
    }

    void showPlotTab() {
        tabs.setSelection(plotTab);
    }

    private void rebuildAxes() {
        for (Control c : axes.getChildren()) {
            c.dispose();
        }
        if (facts != null && !facts.scalar() && facts.shape().length >= 2) {
            int rank = facts.shape().length;
            Combo rows = axisCombo("Rows:", rank, false, request.rowAxis());
            Combo cols = axisCombo("Columns:", rank, true, request.colAxis());
            Runnable changed = () -> {
                int r = rows.getSelectionIndex();
                int c = cols.getSelectionIndex() - 1;
                if (c == r) {
                    return;
                }
                request = c < 0 ? SliceRequest.line(facts.shape(), r, request.index())
                        : SliceRequest.frame(facts.shape(), r, c, request.index());
                rebuildAxes();
                load();
            };
            rows.addListener(SWT.Selection, e -> changed.run());
            cols.addListener(SWT.Selection, e -> changed.run());
            for (int d = 0; d < rank; d++) {
                if (d == request.rowAxis() || d == request.colAxis()) {
                    continue;
                }
                new Label(axes, SWT.NONE).setText("axis " + d + ":");
                Spinner index = new Spinner(axes, SWT.BORDER);
                index.setValues((int) request.index()[d], 0, (int) Math.min(Integer.MAX_VALUE, facts.shape()[d] - 1), 0,
                        1, 10);
                index.setToolTipText("index along axis " + d + " (" + facts.shape()[d] + " values)");
                int axis = d;
                index.addListener(SWT.Selection, e -> {
                    long[] at = request.index().clone();
                    at[axis] = index.getSelection();
                    request = request.at(at);
                    load();
                });
            }
        } else if (facts != null) {
            new Label(axes, SWT.NONE).setText(facts.scalar() ? "scalar" : facts.h5lsShape());
        }
        if (facts != null && request.rowParts(facts.shape()) > 1) {
            rowParts();
        }
        axes.getParent().layout(true, true);
    }

    /**
     * More rows than one read may hold (a 1-D dataset of more than 16.7 M values): they are shown a part at a
     * time, and the part is chosen here. Without it only the first part could be seen, and nothing said so.
     */
    private void rowParts() {
        long[] shape = facts.shape();
        long parts = request.rowParts(shape);
        new Label(axes, SWT.NONE).setText("  part");
        Spinner part = new Spinner(axes, SWT.BORDER);
        part.setValues((int) request.rowPart(shape) + 1, 1, (int) Math.min(Integer.MAX_VALUE, parts), 0, 1, 10);
        part.setToolTipText(shape[request.rowAxis()] + " rows along axis " + request.rowAxis() + ", shown "
                + request.rowWindow(shape) + " at a time");
        new Label(axes, SWT.NONE).setText("of " + parts);
        part.addListener(SWT.Selection, e -> {
            request = request.atRowPart(shape, part.getSelection() - 1);
            load();
        });
    }

    private Combo axisCombo(String label, int rank, boolean withNone, int selected) {
        new Label(axes, SWT.NONE).setText(label);
        Combo combo = new Combo(axes, SWT.READ_ONLY);
        if (withNone) {
            combo.add("— (a line)");
        }
        for (int d = 0; d < rank; d++) {
            combo.add("axis " + d + " (" + facts.shape()[d] + ")");
        }
        combo.select(withNone ? selected + 1 : selected);
        return combo;
    }

    private void load() {
        String path = facts.path();
        SliceRequest r = request;
        String axisPath = r.colAxis() < 0 && r.rowAxis() >= 0 && r.rowAxis() < axisPaths.size()
                ? axisPaths.get(r.rowAxis()) : null;
        plot.showMessage("reading " + path + "…");
        reader.read("the values of " + path, file -> {
            Slice slice = Slices.read(file.node(path), r);
            double[] axis = null;
            if (axisPath != null) {
                try {
                    DatasetFacts axisFacts = DatasetFacts.dataspaceOf(file.node(axisPath));
                    if (axisFacts.shape().length == 1 && axisFacts.shape()[0] >= r.rowStart() + r.rows()) {
                        axis = Slices.read(file.node(axisPath), new SliceRequest(0, -1, new long[1], r.rowStart(),
                                r.rows(), 0, 1)).numbers();
                    }
                } catch (org.scizoo.hdf5.Hdf5Exception e) {
                    axis = null; // plotted against the index instead
                }
            }
            return new Shown(path, slice, axis, axisPath);
        }, result -> {
            shown = result;
            redrawPlot();
            setValues(result.slice());
        }, message -> {
            shown = null;
            plot.showMessage(message);
            setValues(null);
            problem.accept(message);
        });
    }

    private void redrawPlot() {
        if (shown == null || plot.isDisposed()) {
            return;
        }
        Slice s = shown.slice();
        String title = shown.path() + "  " + describe(s.request());
        if (!s.numeric()) {
            plot.showMessage(shown.path() + " holds no numbers: see Values");
        } else if (s.cols() == 1 || s.rows() == 1) {
            String axisName = shown.axisName() != null
                    ? shown.axisName().substring(shown.axisName().lastIndexOf('/') + 1)
                    : "index";
            long firstIndex = s.cols() == 1 ? s.request().rowStart() : s.request().colStart();
            plot.showLine(shown.axis(), firstIndex, s.numbers(), axisName, title);
        } else {
            boolean logScale = log.getSelection();
            ImageScale auto = ImageScale.auto(s.numbers(), logScale);
            ImageScale scale = new ImageScale(number(min, auto.min()), number(max, auto.max()), logScale);
            plot.showImage(s.numbers(), s.rows(), s.cols(), scale, ColorMap.values()[colorMap.getSelectionIndex()],
                    title);
        }
    }

    private String describe(SliceRequest r) {
        return facts == null || facts.scalar() ? "" : r.where(facts.shape());
    }

    private static double number(Text text, double fallback) {
        try {
            return text.getText().isBlank() ? fallback : Double.parseDouble(text.getText().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void setValues(Slice slice) {
        if (values != null) {
            values.dispose();
            values = null;
        }
        if (slice == null) {
            return;
        }
        IDataProvider body = new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                return slice.text(row, col);
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
                // read-only
            }

            @Override
            public int getColumnCount() {
                return slice.cols();
            }

            @Override
            public int getRowCount() {
                return slice.rows();
            }
        };
        IDataProvider columnHeader = new DefaultColumnHeaderDataProvider(new String[0]) {
            @Override
            public Object getDataValue(int col, int row) {
                return String.valueOf(slice.request().colStart() + col);
            }

            @Override
            public int getColumnCount() {
                return slice.cols();
            }
        };
        IDataProvider rowHeader = new DefaultRowHeaderDataProvider(body) {
            @Override
            public Object getDataValue(int col, int row) {
                return String.valueOf(slice.request().rowStart() + row);
            }
        };
        values = new NatTable(valuesHolder, new DefaultGridLayer(body, columnHeader, rowHeader,
                new DefaultCornerDataProvider(columnHeader, rowHeader)));
        valuesHolder.layout(true);
    }

    NatTable valuesTable() {
        return values;
    }
}
