package org.scizoo.core.ports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scizoo.core.model.MetadataValue;

/** Harvests the header of a data file (Scienta SES, SPECS Prodigy, NeXus, …) as scientific metadata. */
public interface MetadataExtractor {

    String format();

    boolean supports(Path file);

    /** @throws IOException with a message naming the file and what is wrong with it */
    Map<String, MetadataValue> extract(Path file) throws IOException;
}
