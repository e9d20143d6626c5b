package org.scizoo.core.ports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.scizoo.core.model.FileMetadata;

/**
 * Reads the header of one kind of data file (Scienta SES, SPECS Prodigy, a beamline's own format) as
 * scientific metadata: SciFly's extension point. Register an implementation as an OSGi service and the
 * folder watcher uses it for the files it {@link #supports}; see docs/plugins.md ("A file format").
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

    /**
     * {@link #extract(Path)}, for formats that write the instrument computer's local time without saying which
     * zone (Scienta SES): {@code clocks} is that computer's time zone (default this machine's; {@code scizoo
     * ingest --time-zone}). Formats whose times are in UTC or name their zone need not override it.
     */
    default FileMetadata extract(Path file, ZoneId clocks) throws IOException {
        return extract(file);
    }
}
