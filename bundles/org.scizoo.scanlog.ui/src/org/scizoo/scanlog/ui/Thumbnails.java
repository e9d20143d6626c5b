package org.scizoo.scanlog.ui;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.ImagePainter;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.scanlog.core.AnnotationField;

/**
 * The first image of each shown scan, as a thumbnail in its row. Thumbnails are read (the small PNG only)
 * in a job the first time a row with images is painted, then kept; a scan given a new image is read again.
 * Display thread, except the job.
 */
final class Thumbnails {

    private final ScanlogPart part;
    private final Map<String, Image> images = new HashMap<>();
    private final Set<String> asked = new HashSet<>();

    Thumbnails(ScanlogPart part) {
        this.part = part;
    }

    /** The painter for the Images column: the thumbnail, or nothing until it has been read. */
    ImagePainter painter() {
        return new ImagePainter(false) {
            @Override
            protected Image getImage(ILayerCell cell, IConfigRegistry registry) {
                var s = part.scanTable().snapshot();
                int index = cell.getRowIndex();
                if (s == null || index < 0 || index >= s.rows().size()) {
                    return null;
                }
                int row = s.rows().row(index);
                double count = s.table().column(AnnotationField.IMAGES.id()).number(row);
                return Double.isNaN(count) ? null : get(s.table().pid(row));
            }
        };
    }

    private Image get(String pid) {
        Image image = images.get(pid);
        if (image == null && asked.add(pid)) {
            load(pid);
        }
        return image;
    }

    private void load(String pid) {
        Job.create("Reading a thumbnail of " + pid, monitor -> {
            try {
                CatalogStore store = part.catalog().store();
                List<String> ids = Annotations.of(pid, store.annotations().history(pid)).imageIds();
                byte[] png = ids.isEmpty() ? null : store.annotations().thumbnail(ids.get(0)).orElse(null);
                if (png != null) {
                    part.sync().asyncExec(() -> show(pid, png));
                }
            } catch (CatalogException e) {
                // no thumbnail then: the count still shows, and the images dialog says what is wrong
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(String pid, byte[] png) {
        NatTable nat = part.table();
        if (nat.isDisposed()) {
            return;
        }
        ImageData data = new ImageData(new ByteArrayInputStream(png));
        int height = ScanlogTable.ROW_HEIGHT - 4;
        int width = Math.max(1, data.width * height / Math.max(1, data.height));
        Image old = images.put(pid, new Image(nat.getDisplay(), data.scaledTo(width, height)));
        if (old != null) {
            old.dispose();
        }
        nat.redraw();
    }

    /** The scan got a new image: read its thumbnail again next time. */
    void forget(String pid) {
        asked.remove(pid);
        Image old = images.remove(pid);
        if (old != null) {
            old.dispose();
        }
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
