package org.scizoo.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a poll can tell of a file without reading it: its size, modification time and identity (a file
 * replaced by another, as writers that rename a temporary file do, has a new key). A growing (SWMR) file is
 * read again when its stamp is no longer {@linkplain #isCurrent(Path) current}.
 * <p>
 * Size and time alone can miss a write. File systems keep a modification time to a clock tick (1–10 ms on
 * Linux's local ones, 2 s on FAT), so a second write within the tick of the first leaves the same time; and
 * an HDF5 writer that fills a chunk it already allocated leaves the same size. A stamp taken within a tick
 * of the file's last write is therefore <em>unsettled</em>: once the tick is surely over, it says it is no
 * longer current, once, so the file is read again and a settled stamp taken (what git calls "racily
 * clean"). {@link #SETTLE} is FAT's 2 s, the coarsest in common use; a network file system whose server's
 * clock runs behind the client's by more than that can still hide a write within one tick.
 *
 * @param size the size in bytes; -1 when the file could not be read
 * @param modified the modification time; {@link Instant#EPOCH} when the file could not be read
 * @param fileKey what identifies the file on its file system (device and inode on Linux); null where there
 *        is none
 * @param takenAt when the stamp was taken
 */
public record FileStamp(long size, Instant modified, Object fileKey, Instant takenAt) {

    /** The coarsest clock tick of a file system's modification times that the stamp allows for. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    public FileStamp {
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(takenAt, "takenAt");
    }

    /** The stamp now. */
    public static FileStamp of(Path file) {
        return of(file, Instant.now());
    }

    /**
     * The stamp of {@code file} taken at {@code now}. A file that cannot be read has a stamp of its own
     * (size -1), so a file that goes away, or comes back, is no longer current.
     */
    public static FileStamp of(Path file, Instant now) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime().toInstant(), a.fileKey(), now);
        } catch (IOException e) {
            return new FileStamp(-1, Instant.EPOCH, null, now);
        }
    }

    /** Whether the file is still the one stamped; see {@link #isCurrent(Path, Instant)}. */
    public boolean isCurrent(Path file) {
        return isCurrent(file, Instant.now());
    }

    /**
     * Whether the file at {@code now} is surely still the one this stamp was taken of: its size, time and key
     * are the same, and the stamp is settled or {@link #SETTLE} has not yet passed since the file's last
     * write. After that, an unsettled stamp says false: a write in its last tick could be hidden.
     */
    public boolean isCurrent(Path file, Instant now) {
        FileStamp then = of(file, now);
        return size == then.size && modified.equals(then.modified) && Objects.equals(fileKey, then.fileKey)
                && (isSettled() || now.isBefore(modified.plus(SETTLE)));
    }

    /**
     * Whether any write after the stamp was taken surely moved the modification time: the stamp was taken
     * {@link #SETTLE} or more after the file's last write, or the file could not be read.
     */
    public boolean isSettled() {
        return size < 0 || !takenAt.isBefore(modified.plus(SETTLE));
    }
}
