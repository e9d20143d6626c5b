package org.scizoo.hdf5.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.scizoo.hdf5.ColorMap;
import org.scizoo.hdf5.ImageScale;
import org.scizoo.hdf5.ValueText;

/**
 * A 1-D line plot (values against their axis, or their index) or a 2-D image with a colour map and its
 * scale bar, drawn with SWT. A line of more points than pixels is drawn as each pixel column's min–max;
 * an image larger than 2048 pixels a side is sampled down before it is shown.
 */
final class PlotCanvas extends Canvas {

    private static final int MAX_IMAGE_SIDE = 2048;

    /** The values' axis, or null: they are then plotted against their index, from {@link #firstIndex}. */
    private double[] x;
    private long firstIndex;
    private double[] y;
    private String xLabel = "";
    private String title = "";
    private Image image;
    private ImageScale scale;
    private ColorMap colors = ColorMap.VIRIDIS;
    private String message = "Select a dataset, or press Default plot";

    PlotCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> disposeImage());
    }

    void showMessage(String text) {
        clear();
        message = text;
        redraw();
    }

    /**
     * @param axis the values' axis, or null to plot them against their index
     * @param firstIndex the index of the first value (a part of a long dataset's), used without an axis
     */
    void showLine(double[] axis, long firstIndex, double[] values, String axisLabel, String plotTitle) {
        clear();
        x = axis;
        this.firstIndex = firstIndex;
        y = values;
        xLabel = axisLabel;
        title = plotTitle;
        redraw();
    }

    void showImage(double[] values, int rows, int cols, ImageScale imageScale, ColorMap map, String plotTitle) {
        clear();
        scale = imageScale;
        colors = map;
        title = plotTitle;
        int stepR = Math.max(1, (rows + MAX_IMAGE_SIDE - 1) / MAX_IMAGE_SIDE);
        int stepC = Math.max(1, (cols + MAX_IMAGE_SIDE - 1) / MAX_IMAGE_SIDE);
        int h = (rows + stepR - 1) / stepR;
        int w = (cols + stepC - 1) / stepC;
        double[] sampled = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                sampled[r * w + c] = values[r * stepR * cols + c * stepC];
            }
        }
        int[] levels = imageScale.levels(sampled);
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] line = new int[w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int level = levels[r * w + c];
                line[c] = level == ImageScale.NO_VALUE ? 0x808080 : map.rgb(level);
            }
            data.setPixels(0, r, w, line, 0);
        }
        image = new Image(getDisplay(), data);
        redraw();
    }

    String title() {
        return title;
    }

    boolean showsImage() {
        return image != null;
    }

    private void clear() {
        disposeImage();
        x = null;
        y = null;
        message = null;
        title = "";
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        if (message != null) {
            gc.drawText(message, 10, 10, true);
            return;
        }
        gc.drawText(title, 10, 4, true);
        Rectangle plot = new Rectangle(area.x + 70, area.y + 28,
                Math.max(10, area.width - 100 - (image != null ? 60 : 0)),
                Math.max(10, area.height - 64));
        if (image != null) {
            paintImage(gc, plot);
        } else if (y != null) {
            paintLine(gc, plot);
        }
    }

    private void paintImage(GC gc, Rectangle plot) {
        Rectangle size = image.getBounds();
        double zoom = Math.min((double) plot.width / size.width, (double) plot.height / size.height);
        int w = Math.max(1, (int) (size.width * zoom));
        int h = Math.max(1, (int) (size.height * zoom));
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(image, 0, 0, size.width, size.height, plot.x, plot.y, w, h);
        gc.drawRectangle(plot.x - 1, plot.y - 1, w + 1, h + 1);
        // the colour bar, with the scale's ends
        int barX = plot.x + w + 16;
        for (int i = 0; i < h; i++) {
            int rgb = colors.rgb(255 - i * 255 / Math.max(1, h - 1));
            org.eclipse.swt.graphics.Color c = new org.eclipse.swt.graphics.Color(rgb >> 16, (rgb >> 8) & 0xFF,
                    rgb & 0xFF);
            gc.setForeground(c);
            gc.drawLine(barX, plot.y + i, barX + 14, plot.y + i);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(ValueText.number(scale.max()), barX, plot.y - 16, true);
        gc.drawText(ValueText.number(scale.min()) + (scale.log() ? " (log)" : ""), barX, plot.y + h + 2, true);
    }

    private void paintLine(GC gc, Rectangle plot) {
        // against the index, the x values are not made into an array: 16.7 M of them would be 134 MB a paint
        double xMin = x != null ? min(x) : firstIndex;
        double xMax = x != null ? max(x) : firstIndex + y.length - 1;
        double yMin = min(y);
        double yMax = max(y);
        if (!(yMax > yMin)) {
            yMin -= 1;
            yMax += 1;
        }
        if (!(xMax > xMin)) {
            xMax = xMin + 1;
        }
        gc.drawRectangle(plot);
        for (int t = 0; t <= 4; t++) {
            double vy = yMin + (yMax - yMin) * t / 4;
            int py = plot.y + plot.height - (int) (plot.height * t / 4.0);
            gc.drawLine(plot.x - 4, py, plot.x, py);
            String label = shortNumber(vy);
            Point extent = gc.textExtent(label);
            gc.drawText(label, plot.x - 6 - extent.x, py - extent.y / 2, true);
            double vx = xMin + (xMax - xMin) * t / 4;
            int px = plot.x + (int) (plot.width * t / 4.0);
            gc.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + 4);
            String xl = shortNumber(vx);
            gc.drawText(xl, px - gc.textExtent(xl).x / 2, plot.y + plot.height + 5, true);
        }
        gc.drawText(xLabel, plot.x + plot.width / 2 - gc.textExtent(xLabel).x / 2, plot.y + plot.height + 20, true);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.setClipping(plot);
        // one vertical stroke per pixel column (its min..max), joined to the next: a million points draw
        // as fast as a thousand, and no peak is lost
        int column = Integer.MIN_VALUE;
        int low = 0;
        int high = 0;
        int lastY = 0;
        for (int i = 0; i < y.length; i++) {
            double xi = x != null ? x[i] : firstIndex + i;
            if (!Double.isFinite(y[i]) || !Double.isFinite(xi)) {
                continue;
            }
            int px = plot.x + (int) ((xi - xMin) / (xMax - xMin) * plot.width);
            int py = plot.y + plot.height - (int) ((y[i] - yMin) / (yMax - yMin) * plot.height);
            if (px == column) {
                low = Math.min(low, py);
                high = Math.max(high, py);
                lastY = py;
                continue;
            }
            if (column != Integer.MIN_VALUE) {
                gc.drawLine(column, low, column, high);
                gc.drawLine(column, lastY, px, py);
            }
            column = px;
            low = py;
            high = py;
            lastY = py;
        }
        if (column != Integer.MIN_VALUE) {
            gc.drawLine(column, low, column, high);
            if (y.length == 1) {
                gc.drawOval(column - 2, low - 2, 4, 4);
            }
        }
        gc.setClipping((Rectangle) null);
    }

    private static String shortNumber(double v) {
        return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v != 0) ? String.format("%.3g", v)
                : ValueText.number(Math.round(v * 1000) / 1000.0);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d) && d < m) {
                m = d;
            }
        }
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d) && d > m) {
                m = d;
            }
        }
        return m == Double.NEGATIVE_INFINITY ? 1 : m;
    }
}
