package org.scizoo.core.images;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.scizoo.core.model.ImageFile;

/**
 * Images users attach to a scan: PNG, JPEG or TIFF, told by their first bytes (not their name), read with
 * the JDK's ImageIO (TIFF included since Java 9), and given a small PNG thumbnail for the table's row.
 */
public final class Images {

    /** The thumbnail's longer side, in pixels. */
    public static final int THUMBNAIL = 96;

    private Images() {
    }

    /** {@code image/png}, {@code image/jpeg}, {@code image/tiff}, or {@code null} for anything else. */
    public static String contentType(byte[] data) {
        if (starts(data, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(data, 'I', 'I', 42, 0) || starts(data, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        return null;
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An image ready to store: its type checked, its thumbnail made.
     *
     * @throws IllegalArgumentException naming the file, when it is not a PNG, JPEG or TIFF this can read
     */
    public static ImageFile prepare(String datasetPid, String fileName, byte[] data, String author, Instant time) {
        String type = contentType(data);
        if (type == null) {
            throw new IllegalArgumentException(fileName + " is not a PNG, JPEG or TIFF image");
        }
        return new ImageFile(UUID.randomUUID().toString(), datasetPid, fileName, type, data,
                thumbnail(fileName, data), author, time);
    }

    /**
     * A PNG at most {@value #THUMBNAIL} pixels on its longer side.
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read as an image
     */
    public static byte[] thumbnail(String fileName, byte[] data) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(fileName + " could not be read as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException(fileName + " could not be read as an image (no reader for its format)");
        }
        double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }
}
