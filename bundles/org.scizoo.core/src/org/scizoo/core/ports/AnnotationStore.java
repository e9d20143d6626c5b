package org.scizoo.core.ports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;

/**
 * The Scanlog's annotations, in collections of our own beside the SciCat ones (raw datasets are never
 * touched). Every change is kept with its author and time. Methods may block on I/O.
 */
public interface AnnotationStore {

    /** Records a change. @throws CatalogException also for a value its kind does not allow (a rating of 7) */
    Annotation add(String datasetPid, Annotation.Kind kind, String value, String author) throws CatalogException;

    /** A dataset's changes, oldest first. */
    List<Annotation> history(String datasetPid) throws CatalogException;

    /** The current annotations of every annotated dataset, by pid. */
    Map<String, Annotations> current() throws CatalogException;

    /** Stores an image and records its IMAGE annotation. */
    ImageFile addImage(ImageFile image) throws CatalogException;

    Optional<ImageFile> image(String id) throws CatalogException;

    /** An image's PNG thumbnail alone, without reading the image (for a table's rows). */
    Optional<byte[]> thumbnail(String id) throws CatalogException;
}
