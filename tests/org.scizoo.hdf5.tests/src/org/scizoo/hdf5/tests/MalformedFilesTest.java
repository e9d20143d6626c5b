package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.Attributes;
import org.scizoo.hdf5.Bounded;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.H5Kind;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Hdf5Exception;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;
import org.scizoo.tests.support.SharedData;

/**
 * The HDF5 library's own corrupt test files, and data behind filters jhdf lacks: each gives a clear error
 * (naming the object, and the filter) in bounded time, never a hang, an OutOfMemoryError or another
 * exception; what can be read of such a file is still read.
 */
class MalformedFilesTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void everyMalformedFileGivesAClearErrorInBoundedTime() throws Exception {
        List<Path> files;
        try (Stream<Path> in = Files.list(SharedData.dir().resolve("hdf5/malformed"))) {
            files = in.sorted().toList();
        }
        assertEquals(6, files.size(), files.toString());
        List<String> report = new ArrayList<>();
        for (Path file : files) {
            long start = System.nanoTime();
            List<String> problems = new ArrayList<>();
            // Bounded: a reader caught in a loop would end the test with an error after LIMIT, not hang it
            int read = Bounded.call("reading " + file.getFileName(), LIMIT, () -> readEverything(file, problems));
            long ms = (System.nanoTime() - start) / 1_000_000;
            report.add(file.getFileName() + ": " + read + " objects read, problems " + problems + " in " + ms + " ms");
            assertTrue(ms < LIMIT.toMillis(), report.getLast());
            for (String problem : problems) {
                assertTrue(problem.length() > 20 && !problem.contains("NullPointerException"), "clear: " + problem);
            }
        }
        String all = String.join("\n", report);
        // what the HDF5 library itself makes of them (SOURCES.md): 5 of the 6 fail somewhere
        assertTrue(report.stream().filter(line -> !line.contains("problems []")).count() >= 5, all);
        assertTrue(all.contains("filter_error.h5: 2 objects read") && all.contains("filter 305"), all);
        assertTrue(all.contains("h5clear -s"), "the not-closed file says how to clear it:\n" + all);
    }

    /** Opens, lists, reads the attributes and the first frame of every dataset; problems collected. */
    private static int readEverything(Path file, List<String> problems) {
        int read = 0;
        try (H5File h5 = H5File.open(file)) {
            List<H5Node> todo = new ArrayList<>(List.of(h5.root()));
            while (!todo.isEmpty()) {
                H5Node node = todo.removeLast();
                read++;
                try {
                    Attributes.of(node).stream().filter(a -> a.error() != null).forEach(a -> problems.add(a.error()));
                    if (node.kind() == H5Kind.GROUP) {
                        todo.addAll(node.children());
                    } else if (node.kind() == H5Kind.DATASET) {
                        Slices.read(node, SliceRequest.firstFrame(org.scizoo.hdf5.DatasetFacts.of(node).shape()));
                    }
                } catch (Hdf5Exception e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (Hdf5Exception e) {
            problems.add(e.getMessage());
        }
        return read;
    }

    @Test
    void unsupportedFiltersAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("filters.h5");
        // scaleoffset is in every libhdf5; bzip2 is no built-in filter: written as an optional filter, which
        // libhdf5 records in the pipeline and skips when it lacks it, as a file from a plug-in build would
        H5py.run(dir, """
                import sys, h5py, numpy as np
                from h5py import h5d, h5p, h5s, h5t, h5z
                with h5py.File(sys.argv[1], "w") as f:
                    f.create_dataset("scaleoffset", data=np.arange(100, dtype="i4"), scaleoffset=0, chunks=(50,))
                    plist = h5p.create(h5p.DATASET_CREATE)
                    plist.set_chunk((50,))
                    plist.set_filter(307, h5z.FLAG_OPTIONAL, (9,))
                    ds = h5d.create(f.id, b"bzip2", h5t.STD_I32LE, h5s.create_simple((100,)), plist)
                    ds.write(h5s.ALL, h5s.ALL, np.arange(100, dtype="i4"))
                """, file.toString());
        try (H5File h5 = H5File.open(file)) {
            assertUnreadable(h5.node("/scaleoffset"), "scaleoffset (filter 6)");
            assertUnreadable(h5.node("/bzip2"), "bzip2 (filter 307)");
        }
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_missing_filter.hdf5bad"))) {
            assertUnreadable(h5.node("/float32"), "szip (filter 4)");
        }
    }

    private static void assertUnreadable(H5Node node, String filter) {
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> Slices.read(node, SliceRequest.firstFrame(
                org.scizoo.hdf5.DatasetFacts.of(node).shape())));
        assertTrue(e.getMessage().contains(node.path()) && e.getMessage().contains(filter), e.getMessage());
    }

    @Test
    void filesThatAreNoHdf5AreSaidSo(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.h5"), "not HDF5 at all");
        Path empty = Files.createFile(dir.resolve("empty.nxs"));
        Path truncated = dir.resolve("truncated.nxs");
        byte[] whole = Files.readAllBytes(SharedData.file("nexus/example.nxs"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 3000));
        assertTrue(assertThrows(Hdf5Exception.class, () -> H5File.open(text)).getMessage()
                .contains("notes.h5 is not an HDF5 file"));
        assertTrue(assertThrows(Hdf5Exception.class, () -> H5File.open(empty)).getMessage()
                .contains("not an HDF5 file"));
        assertTrue(assertThrows(Hdf5Exception.class, () -> H5File.open(dir.resolve("missing.h5"))).getMessage()
                .contains("does not exist"));
        List<String> problems = new ArrayList<>();
        Bounded.call("reading the truncated file", LIMIT, () -> readEverything(truncated, problems));
        assertTrue(!problems.isEmpty(), "a truncated file has problems");
    }
}
