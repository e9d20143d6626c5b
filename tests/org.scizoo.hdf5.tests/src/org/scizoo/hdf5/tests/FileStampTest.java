package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.FileStamp;

/**
 * The stamp the inspector's auto-refresh polls, with the times given: a write in the same clock tick as the
 * one before, at the same size, moves nothing a poll can see, so an unsettled stamp must say so itself.
 */
class FileStampTest {

    private static final Instant WRITTEN = Instant.parse("2026-06-01T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aWriteHiddenInTheSameTickIsCaughtOnceTheTickIsOver() throws Exception {
        Path file = write("rows 10", WRITTEN);
        FileStamp stamp = FileStamp.of(file, WRITTEN.plusMillis(3));
        assertFalse(stamp.isSettled(), "taken 3 ms after the write");

        write("rows 20", WRITTEN); // same size, and the time still in the first write's tick
        assertTrue(stamp.isCurrent(file, WRITTEN.plusMillis(500)), "nothing to see yet");
        assertFalse(stamp.isCurrent(file, WRITTEN.plus(FileStamp.SETTLE)), "the tick is surely over");

        FileStamp again = FileStamp.of(file, WRITTEN.plus(FileStamp.SETTLE));
        assertTrue(again.isSettled());
        assertTrue(again.isCurrent(file, WRITTEN.plus(Duration.ofHours(1))), "read again once, then quiet");
    }

    @Test
    void aSettledStampSeesTimeSizeAndReplacement() throws Exception {
        Instant later = WRITTEN.plusSeconds(60);
        Path file = write("rows 10", WRITTEN);
        FileStamp stamp = FileStamp.of(file, later);
        assertTrue(stamp.isSettled());
        assertTrue(stamp.isCurrent(file, later.plusSeconds(1)));

        write("rows 10", WRITTEN.plusMillis(1));
        assertFalse(stamp.isCurrent(file, later.plusSeconds(1)), "time moved by 1 ms");

        stamp = FileStamp.of(file, later);
        write("rows 100", WRITTEN.plusMillis(1));
        assertFalse(stamp.isCurrent(file, later.plusSeconds(1)), "size changed");

        stamp = FileStamp.of(file, later);
        Path other = write(dir.resolve("other.nxs.tmp"), "rows 200", WRITTEN.plusMillis(1));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(stamp.isCurrent(file, later.plusSeconds(1)), "same size and time, another file");
    }

    @Test
    void aFileThatGoesAwayOrComesBackIsNotCurrent() throws Exception {
        Instant later = WRITTEN.plusSeconds(60);
        Path file = write("rows 10", WRITTEN);
        FileStamp present = FileStamp.of(file, later);
        Files.delete(file);
        assertFalse(present.isCurrent(file, later));

        FileStamp missing = FileStamp.of(file, later);
        assertTrue(missing.isSettled());
        assertTrue(missing.isCurrent(file, later.plusSeconds(10)), "still missing: nothing to reload");
        write("rows 10", WRITTEN);
        assertFalse(missing.isCurrent(file, later.plusSeconds(10)), "back again");
    }

    private Path write(String text, Instant modified) throws Exception {
        return write(dir.resolve("growing.nxs"), text, modified);
    }

    private static Path write(Path file, String text, Instant modified) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
