package org.scizoo.files;

import java.nio.file.Path;
import java.time.Instant;

import org.scizoo.core.model.FileMetadata;

/** A finished file and what its header says: handed on by the {@link FolderWatcher}. */
public record HarvestedFile(Path file, FileMetadata metadata, long size, Instant modified, String sha256,
        Instant closedAt) {
}
