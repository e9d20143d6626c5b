package org.scizoo.catalog.scicat.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.scicat.IsoInstants;

/**
 * The Scanlog's annotations as SciCat Attachments of their dataset. Each change is one attachment, never
 * updated (so the attachments are the history), whose caption says what it is in words SciCat's web frontend
 * shows as they are: {@code [scizoo:comment] text}, {@code [scizoo:rating] 4}, {@code [scizoo:quality] bad},
 * {@code [scizoo:quality_metrics] 0.93}, {@code [scizoo:image] camera.png} with the image itself in the
 * attachment's {@code thumbnail} as a data URL (where SciCat's frontend puts an image uploaded there), and
 * {@code [scizoo:image-removed] ID}. An empty value clears, as everywhere. Author and time are SciCat's
 * {@code createdBy} and {@code createdAt}, which it takes from the token, not from the client. An attachment
 * that is not ours and holds an image (one added in SciCat's frontend) reads as an image added to the dataset.
 */
final class AttachmentNotes {

    static final String PREFIX = "[scizoo:";
    private static final String IMAGE_REMOVED = "image-removed";
    private static final String DATA_IMAGE = "data:image/";

    private AttachmentNotes() {
    }

    /** The caption of a change; an IMAGE change here is a removal ({@code -id}). */
    static String caption(Kind kind, String value) {
        if (kind == Kind.IMAGE) {
            return PREFIX + IMAGE_REMOVED + "] " + value.substring(1);
        }
        return PREFIX + tag(kind) + "]" + (value.isEmpty() ? "" : " " + value);
    }

    static String imageCaption(String fileName) {
        return PREFIX + tag(Kind.IMAGE) + "] " + fileName;
    }

    private static String tag(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static String dataUrl(String contentType, byte[] data) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    /**
     * SciCat's attachments that are annotations: ours, and the images of others. The thumbnail is tested on the
     * server and not sent back, as a list of a catalogue's annotations must not carry its images.
     */
    static Document oursOrImages() {
        return new Document("$or", List.of(new Document("caption", new Document("$regex", "^\\[scizoo:")),
                new Document("thumbnail", new Document("$regex", "^data:image/"))));
    }

    /** The fields a list needs: everything but the image. */
    static List<String> listFields() {
        return List.of("aid", "caption", "relationships", "createdBy", "createdAt");
    }

    /**
     * The attachment {@code a} (from a list of {@link #oursOrImages}, or as SciCat answered a create) as an
     * annotation; empty when it is not one: another dataset-less attachment, or a caption of ours edited into
     * a value its kind does not allow (skipped, said in the log, as in the MongoDB store).
     */
    static Optional<Annotation> annotation(Document a) {
        String id = id(a);
        String pid = datasetPid(a);
        String caption = a.getString("caption") == null ? "" : a.getString("caption");
        if (id == null || pid == null) {
            return Optional.empty();
        }
        Kind kind;
        String value;
        if (!caption.startsWith(PREFIX)) {
            kind = Kind.IMAGE; // the list selects images of others only
            value = id;
        } else {
            int end = caption.indexOf(']');
            String tag = end < 0 ? "" : caption.substring(PREFIX.length(), end);
            String rest = end < 0 ? "" : caption.substring(end + 1).strip();
            if (tag.equals(tag(Kind.IMAGE))) {
                kind = Kind.IMAGE;
                value = id;
            } else if (tag.equals(IMAGE_REMOVED)) {
                kind = Kind.IMAGE;
                value = "-" + rest;
            } else {
                try {
                    kind = Kind.valueOf(tag.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return skipped(a, "no kind '" + tag + "'");
                }
                value = rest;
                Optional<String> problem = Annotation.problem(kind, value);
                if (problem.isPresent()) {
                    return skipped(a, problem.get());
                }
            }
        }
        String author = a.getString("createdBy") == null ? "" : a.getString("createdBy");
        return Optional.of(new Annotation(id, pid, kind, value, author, time(a)));
    }

    /** An image attachment read with its thumbnail field: the image; empty when that field holds none. */
    static Optional<ImageFile> image(Document a, byte[] thumbnailPng) {
        String url = a.getString("thumbnail");
        String pid = datasetPid(a);
        if (url == null || !url.startsWith(DATA_IMAGE) || pid == null || !url.contains(";base64,")) {
            return Optional.empty();
        }
        int comma = url.indexOf(";base64,");
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(url.substring(comma + ";base64,".length()));
        } catch (IllegalArgumentException e) {
            return skipped(a, "its image is not base64");
        }
        String caption = a.getString("caption") == null ? "" : a.getString("caption");
        String prefix = imageCaption("");
        String fileName = caption.startsWith(prefix) ? caption.substring(prefix.length()).strip() : caption.strip();
        return Optional.of(new ImageFile(id(a), pid, fileName.isEmpty() ? "attachment" : fileName,
                url.substring("data:".length(), comma), data, thumbnailPng,
                a.getString("createdBy") == null ? "" : a.getString("createdBy"), time(a)));
    }

    /** SciCat's id of an attachment: {@code aid} in v4's answers, {@code id} in v3's. */
    static String id(Document a) {
        Object id = a.get("aid") != null ? a.get("aid") : a.get("id") != null ? a.get("id") : a.get("_id");
        return id == null ? null : id.toString();
    }

    /** The dataset it is attached to: v4's relationships, or v3's {@code datasetId}. */
    static String datasetPid(Document a) {
        if (a.getString("datasetId") != null) {
            return a.getString("datasetId");
        }
        List<?> relationships = a.get("relationships", List.class);
        if (relationships != null) {
            for (Object o : relationships) {
                if (o instanceof Document r && "dataset".equals(r.getString("targetType"))) {
                    return r.getString("targetId");
                }
            }
        }
        return null;
    }

    private static Instant time(Document a) {
        Object t = a.get("createdAt");
        if (t instanceof java.util.Date d) {
            return d.toInstant();
        }
        try {
            return t == null ? Instant.EPOCH : IsoInstants.parse(t.toString());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static <T> Optional<T> skipped(Document a, String why) {
        System.getLogger(AttachmentNotes.class.getName()).log(System.Logger.Level.WARNING,
                "Skipping SciCat attachment " + id(a) + ": " + why);
        return Optional.empty();
    }
}
