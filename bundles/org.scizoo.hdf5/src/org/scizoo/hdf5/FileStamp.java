package org.scizoo.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file's size and modification time: a growing (SWMR) file is reloaded when its stamp changes. */
public record FileStamp(long size, long modifiedMillis) {

    /** The stamp now; (-1, -1) when the file cannot be read (it changed, if it could before). */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new FileStamp(-1, -1);
        }
    }
}
