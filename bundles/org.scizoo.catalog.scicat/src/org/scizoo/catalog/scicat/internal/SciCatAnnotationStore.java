package org.scizoo.catalog.scicat.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.scizoo.core.images.Images;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;

/**
 * The Scanlog's annotations in SciCat mode, as Attachments of their dataset ({@link AttachmentNotes}): so the
 * users SciCat lets see a dataset see its notes, and the raw dataset is never edited. Written through
 * {@code POST /api/v3/datasets/{pid}/attachments}, the route SciCat 4.5 opens to a dataset's owner group (v4's
 * create is for admins); the attachment gets the dataset's owner and access groups. Read through v4's
 * {@code /attachments}, which filters by those groups and pages (v3's list of a dataset stops at ten).
 * Anonymous readers see no annotations: SciCat 4.5 keeps an attachment made this way unpublished.
 */
final class SciCatAnnotationStore implements AnnotationStore {

    private static final int PAGE = 1000;
    private static final int CACHED_THUMBNAILS = 2000;
    private final SciCatApi api;
    private final SciCatCatalogStore datasets;
    /** Thumbnails made here from SciCat's images, which have none of their own: a table shows many. */
    private final Map<String, byte[]> thumbnails = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_THUMBNAILS;
        }
    });

    SciCatAnnotationStore(SciCatApi api, SciCatCatalogStore datasets) {
        this.api = api;
        this.datasets = datasets;
    }

    /** The author is SciCat's: the logged-in user, whatever {@code author} says. */
    @Override
    public Annotation add(String datasetPid, Kind kind, String value, String author) throws CatalogException {
        String v = value == null ? "" : value.strip();
        Optional<String> problem = Annotation.problem(kind, v);
        if (problem.isPresent()) {
            throw new CatalogException(problem.get());
        }
        String what = "the " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        Document made = post(datasetPid, new Document("caption", AttachmentNotes.caption(kind, v)), what);
        return AttachmentNotes.annotation(made).orElseThrow(
                () -> new CatalogException("SciCat's answer to saving " + what + " of " + datasetPid + " is not an"
                        + " attachment of it: " + made.toJson()));
    }

    @Override
    public ImageFile addImage(ImageFile image) throws CatalogException {
        Document attachment = new Document("caption", AttachmentNotes.imageCaption(image.fileName()))
                .append("thumbnail", AttachmentNotes.dataUrl(image.contentType(), image.data()));
        Document made = post(image.datasetPid(), attachment, "image " + image.fileName());
        String id = AttachmentNotes.id(made);
        if (id == null) {
            throw new CatalogException("SciCat's answer to saving image " + image.fileName() + " has no id");
        }
        if (image.thumbnailPng() != null) {
            thumbnails.put(id, image.thumbnailPng());
        }
        return new ImageFile(id, image.datasetPid(), image.fileName(), image.contentType(), image.data(),
                image.thumbnailPng(), made.getString("createdBy"), AttachmentNotes.annotation(made)
                        .map(Annotation::time).orElse(image.time()));
    }

    private Document post(String pid, Document attachment, String what) throws CatalogException {
        String failed = "Could not save " + what + " of " + pid;
        if (api.login().anonymous()) {
            throw new CatalogException(failed + ": log in to SciCat first (an anonymous reader only reads)");
        }
        Dataset d = datasets.findDataset(pid)
                .orElseThrow(() -> new CatalogException(failed + ": SciCat has no such dataset, or it is not yours"));
        attachment.append("ownerGroup", d.ownerGroup()).append("accessGroups", d.accessGroups());
        try {
            return api.post("/v3/datasets/" + SciCatApi.encodePath(pid) + "/attachments", attachment);
        } catch (CatalogException e) {
            String hint = e.getMessage().contains("(403)")
                    ? " (SciCat lets the dataset's owner group, " + d.ownerGroup() + ", add to it)"
                    : "";
            throw new CatalogException(failed + ": " + e.getMessage() + hint, e);
        }
    }

    @Override
    public List<Annotation> history(String datasetPid) throws CatalogException {
        List<Annotation> out = new ArrayList<>();
        if (!api.login().anonymous()) {
            Document ofDataset = new Document("relationships.targetId", datasetPid)
                    .append("relationships.targetType", "dataset");
            read(new Document("$and", List.of(ofDataset, AttachmentNotes.oursOrImages())), out);
        }
        return out;
    }

    @Override
    public Map<String, Annotations> current() throws CatalogException {
        List<Annotation> all = new ArrayList<>();
        if (!api.login().anonymous()) {
            read(new Document("$and", List.of(new Document("relationships.targetType", "dataset"),
                    AttachmentNotes.oursOrImages())), all);
        }
        Map<String, List<Annotation>> byPid = new HashMap<>();
        for (Annotation a : all) {
            byPid.computeIfAbsent(a.datasetPid(), p -> new ArrayList<>()).add(a);
        }
        Map<String, Annotations> out = new HashMap<>();
        byPid.forEach((pid, history) -> out.put(pid, Annotations.of(pid, history)));
        return out;
    }

    /** Every annotation of {@code where} the user may see, oldest first, in pages. */
    private void read(Document where, List<Annotation> out) throws CatalogException {
        for (int skip = 0;; skip += PAGE) {
            Document limits = new Document("limit", PAGE).append("skip", skip)
                    .append("sort", new Document("createdAt", "asc").append("aid", "asc"));
            List<Document> page = api.getList(SciCatApi.withFilter("/v4/attachments", new Document("where", where)
                    .append("fields", AttachmentNotes.listFields()).append("limits", limits)));
            for (Document a : page) {
                AttachmentNotes.annotation(a).ifPresent(out::add);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public Optional<ImageFile> image(String id) throws CatalogException {
        if (api.login().anonymous()) {
            return Optional.empty();
        }
        Optional<Document> a = api.getItem("/v4/attachments/" + SciCatApi.encodePath(id));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Optional<ImageFile> plain = AttachmentNotes.image(a.get(), thumbnails.get(id));
        if (plain.isEmpty() || plain.get().thumbnailPng() != null) {
            return plain;
        }
        ImageFile f = plain.get();
        byte[] thumb;
        try {
            thumb = Images.thumbnail(f.fileName(), f.data());
        } catch (IllegalArgumentException e) {
            return plain; // shown without a thumbnail: the file is there to save and look at elsewhere
        }
        thumbnails.put(id, thumb);
        return Optional.of(new ImageFile(f.id(), f.datasetPid(), f.fileName(), f.contentType(), f.data(), thumb,
                f.author(), f.time()));
    }

    /** Made from the image the first time (SciCat keeps none), then kept for the session. */
    @Override
    public Optional<byte[]> thumbnail(String id) throws CatalogException {
        byte[] known = thumbnails.get(id);
        return known != null ? Optional.of(known) : image(id).map(ImageFile::thumbnailPng);
    }
}
