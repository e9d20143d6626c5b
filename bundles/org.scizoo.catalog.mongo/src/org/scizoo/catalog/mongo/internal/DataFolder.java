package org.scizoo.catalog.mongo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.scizoo.core.ports.CatalogException;

/** Makes sure the data folder exists and can be written, with a message a user can act on. */
final class DataFolder {

    private DataFolder() {
    }

    static Path prepare(Path dir) throws CatalogException {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException | SecurityException e) {
            throw new CatalogException("Cannot create the data folder " + abs + " (" + e.getMessage()
                    + "). Choose another with --data DIR.", e);
        }
        if (!Files.isDirectory(abs)) {
            throw new CatalogException("The data folder " + abs + " is not a folder. Choose another with --data DIR.");
        }
        // isWritable() says yes to root for read-only folders; try a real write.
        Path probe = abs.resolve(".write-test-" + ProcessHandle.current().pid());
        try {
            Files.writeString(probe, "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new CatalogException("The data folder " + abs + " is not writable (" + e.getMessage()
                    + "). Fix its permissions or choose another with --data DIR.", e);
        }
        return abs;
    }
}
