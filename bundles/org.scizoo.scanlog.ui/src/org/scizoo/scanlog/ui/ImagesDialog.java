package org.scizoo.scanlog.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;

/** A scan's images: thumbnails in a row; a click shows the image at full size below them. */
final class ImagesDialog extends Dialog {

    private final ScanlogPart part;
    private final String pid;
    private final List<Image> images = new ArrayList<>();
    private Composite thumbnails;
    private Label full;
    private ScrolledComposite scroll;

    ImagesDialog(Shell parent, ScanlogPart part, String pid) {
        super(parent);
        this.part = part;
        this.pid = pid;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("SciZoo: Images of " + pid);
        shell.addDisposeListener(e -> images.forEach(Image::dispose));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Close", true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        thumbnails = new Composite(area, SWT.NONE);
        thumbnails.setLayout(new RowLayout());
        new Label(thumbnails, SWT.NONE).setText("Loading…");
        scroll = new ScrolledComposite(area, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.widthHint = 800;
        gd.heightHint = 560;
        scroll.setLayoutData(gd);
        full = new Label(scroll, SWT.NONE);
        scroll.setContent(full);
        load();
        return area;
    }

    private void load() {
        Job.create("Reading the images of " + pid, monitor -> {
            List<ImageFile> files = new ArrayList<>();
            String problem = null;
            try {
                CatalogStore store = part.catalog().store();
                for (String id : Annotations.of(pid, store.annotations().history(pid)).imageIds()) {
                    store.annotations().image(id).ifPresent(files::add);
                }
            } catch (CatalogException e) {
                problem = e.getMessage();
            }
            String p = problem;
            part.sync().asyncExec(() -> show(files, p));
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(List<ImageFile> files, String problem) {
        if (thumbnails.isDisposed()) {
            return;
        }
        for (Control c : thumbnails.getChildren()) {
            c.dispose();
        }
        if (problem != null || files.isEmpty()) {
            new Label(thumbnails, SWT.NONE).setText(problem != null ? problem
                    : "No images yet: drop PNG, JPEG or TIFF files on the scan's row, or use Add image…");
        }
        for (ImageFile f : files) {
            Label thumb = new Label(thumbnails, SWT.BORDER);
            thumb.setToolTipText(f.fileName() + " — " + f.author() + ", " + f.time());
            if (f.thumbnailPng() != null) {
                thumb.setImage(track(
                        new Image(thumb.getDisplay(), new ImageData(new ByteArrayInputStream(f.thumbnailPng())))));
            } else {
                thumb.setText(f.fileName());
            }
            thumb.addListener(SWT.MouseDown, e -> showFull(f));
        }
        if (!files.isEmpty()) {
            showFull(files.get(0));
        }
        thumbnails.getParent().layout(true, true);
    }

    private void showFull(ImageFile f) {
        try {
            full.setImage(track(new Image(full.getDisplay(), new ImageData(new ByteArrayInputStream(f.data())))));
            full.setText("");
        } catch (RuntimeException e) { // SWT cannot read every TIFF flavour ImageIO can
            full.setImage(null);
            full.setText(f.fileName() + " cannot be shown here (" + e.getMessage() + "); the thumbnail is all");
        }
        full.pack();
    }

    private Image track(Image image) {
        images.add(image);
        return image;
    }
}
