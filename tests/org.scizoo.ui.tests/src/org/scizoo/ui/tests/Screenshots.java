package org.scizoo.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The workbench window as a PNG in target/screenshots, and the docs' copy of it (kept current by each run). */
public final class Screenshots {

    private Screenshots() {
    }

    /** On the display thread; {@code name} as {@code scanlog.png}, copied to docs/images too. */
    public static Path save(Shell shell, String name) {
        Display display = shell.getDisplay();
        shell.redraw();
        shell.update();
        while (display.readAndDispatch()) {
            // let the parts paint before copying the window
        }
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
            ImageData data = image.getImageData();
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name).toAbsolutePath();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
            Path docs = Path.of("..", "..", "docs", "images");
            if (Files.isDirectory(docs)) {
                Files.copy(file, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
