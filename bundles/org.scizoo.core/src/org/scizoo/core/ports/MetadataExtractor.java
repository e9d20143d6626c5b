package org.scizoo.core.ports;

import java.io.IOException;
import java.nio.file.Path;

import org.scizoo.core.model.FileMetadata;

/**
 * Reads the header of one kind of data file (Scienta SES, SPECS Prodigy, a beamline's own format) as
 * scientific metadata: SciFly's extension point. Register an implementation as an OSGi service and the
 * folder watcher uses it for the files it {@link #supports}; see the README ("Add a file format").
 * Implementations are called from several threads at once and keep no state between files.
 */
public interface MetadataExtractor {

    /** A short name for messages and the dataset's {@code dataFormat}, e.g. "Scienta SES text". */
    String format();

    /** True for files this extractor reads; decided from the name (cheap: called for every file seen). */
    boolean supports(Path file);

    /**
     * @throws IOException with a message naming the file and what is wrong with it (truncated, not this
     *             format, a value that cannot be read); the watcher records it for that file and goes on
     */
    FileMetadata extract(Path file) throws IOException;
}
