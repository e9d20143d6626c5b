package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.FileStamp;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;

/**
 * A file that h5py writes in SWMR mode while it is read: each reload sees the rows appended so far, and a
 * {@link FileStamp} tells that the file changed (what the inspector's auto-refresh polls).
 */
class GrowingFileTest {

    @Test
    void reloadSeesTheRowsAnSwmrWriterAppended(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("growing.nxs");
        Path script = Files.writeString(dir.resolve("writer.py"), """
                import sys, h5py, numpy as np
                f = h5py.File(sys.argv[1], "w", libver="latest")
                entry = f.create_group("entry")
                entry.attrs["NX_class"] = "NXentry"
                d = entry.create_dataset("counts", shape=(0,), maxshape=(None,), chunks=(64,), dtype="f8")
                f.swmr_mode = True
                for line in sys.stdin:
                    if line.strip() == "stop":
                        break
                    n = d.shape[0]
                    d.resize((n + 10,))
                    d[n:] = np.arange(n, n + 10)
                    d.flush()
                    print("rows", n + 10, flush=True)
                f.close()
                """);
        Process writer = new ProcessBuilder(H5py.PYTHON, script.toString(), file.toString()).redirectErrorStream(true)
                .start();
        try (PrintWriter to = new PrintWriter(writer.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader from = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                        StandardCharsets.UTF_8))) {
            to.println("append");
            assertEquals("rows 10", from.readLine());
            FileStamp first = FileStamp.of(file);
            try (H5File h5 = H5File.open(file)) {
                assertTrue(h5.openForWriting(), "the SWMR writer's flag is seen");
                assertArrayEquals(new long[] { 10 }, DatasetFacts.of(h5.node("/entry/counts")).shape());
            }
            to.println("append");
            assertEquals("rows 20", from.readLine());
            assertTrue(noLongerCurrent(first, file), "the stamp taken after 10 rows sees the file changed");
            try (H5File h5 = H5File.open(file)) {
                long[] shape = DatasetFacts.of(h5.node("/entry/counts")).shape();
                assertArrayEquals(new long[] { 20 }, shape);
                Slice values = Slices.read(h5.node("/entry/counts"), SliceRequest.firstFrame(shape));
                assertEquals(190.0,
                        Arrays.stream(values.numbers()).sum(), "0 + 1 + … + 19");
            }
            to.println("stop");
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue());
            try (H5File h5 = H5File.open(file)) {
                assertTrue(!h5.openForWriting(), "closed by its writer");
            }
        } finally {
            writer.destroyForcibly();
        }
    }

    /**
     * Polls as the inspector does: the second write may fall in the clock tick of the first, leaving size and
     * time as they were, and then the stamp says so once {@link FileStamp#SETTLE} has passed.
     */
    private static boolean noLongerCurrent(FileStamp stamp, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + FileStamp.SETTLE.toNanos() + TimeUnit.SECONDS.toNanos(3);
        while (stamp.isCurrent(file)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
