package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;

/**
 * A 10 × 1000 × 1000 stack of 32-bit floats (40 MB) written by h5py, contiguous and in compressed chunks,
 * and a 30-frame one: showing one frame reads that frame, and the memory it takes is a frame's, not the
 * stack's (the same for 10 frames as for 30). And a line of 20 M bytes, read a part at a time.
 */
class BigDataTest {

    private static final long FRAME_BYTES = 1000 * 1000 * 4;

    @Test
    void oneFrameOfAStackReadsOneFrame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stack.h5");
        H5py.run(dir, """
                import sys, h5py, numpy as np
                i, j = np.meshgrid(np.arange(1000), np.arange(1000), indexing="ij")
                with h5py.File(sys.argv[1], "w") as f:
                    plain = f.create_dataset("entry/data/plain", shape=(10, 1000, 1000), dtype="f4")
                    chunked = f.create_dataset("entry/data/chunked", shape=(10, 1000, 1000), dtype="f4",
                                               chunks=(1, 250, 250), compression="gzip", compression_opts=1)
                    deep = f.create_dataset("entry/data/deep", shape=(30, 1000, 1000), dtype="f4",
                                            chunks=(1, 250, 250), compression="gzip", compression_opts=1)
                    for k in range(30):
                        frame = (k * 1_000_000 + i * 1000 + j).astype("f4")
                        if k < 10:
                            plain[k] = frame
                            chunked[k] = frame
                        deep[k] = frame
                """, file.toString());
        java.util.Map<String, Long> allocations = new java.util.HashMap<>();
        try (H5File h5 = H5File.open(file)) {
            for (String name : new String[] { "plain", "chunked", "deep" }) {
                H5Node node = h5.node("/entry/data/" + name);
                long[] shape = DatasetFacts.of(node).shape();
                SliceRequest frame7 = SliceRequest.frame(shape, 1, 2, new long[] { 7, 0, 0 });
                Slices.read(node, frame7); // warm the reader (class loading, the chunk index)
                long before = allocatedBytes();
                Slice slice = Slices.read(node, frame7);
                long allocated = allocatedBytes() - before;
                assertEquals(1000, slice.rows());
                assertEquals(1000, slice.cols());
                assertEquals(7_000_000 + 123 * 1000 + 456, slice.number(123, 456), name);
                assertEquals(7_999_999, slice.number(999, 999), name);
                // the frame as floats (4 MB) and as doubles (8 MB); compressed chunks also pass through jhdf's
                // inflate buffers (measured: 20-24 MB plain, 32-34 MB chunked). Reading the whole stack would
                // allocate its 10 frames as floats alone, and 20 more as doubles.
                long budget = 10 * FRAME_BYTES;
                allocations.put(name, allocated);
                System.out.println("BigDataTest: one frame of the " + name + " stack allocated " + allocated / 1_000_000
                        + " MB");
                assertTrue(allocated < budget, name + ": reading one frame allocated " + allocated / 1_000_000
                        + " MB, more than " + budget / 1_000_000 + " MB");
            }
        }
        // the same frame of a stack three times as deep costs the same: what is read is the frame, not the stack
        assertTrue(allocations.get("deep") < allocations.get("chunked") * 1.25, "one frame of 30 allocated "
                + allocations.get("deep") / 1_000_000 + " MB, of 10: " + allocations.get("chunked") / 1_000_000
                + " MB");
    }

    /**
     * More values along a line than one read may hold (16.7 M): the line is shown in parts (see
     * SliceRequestTest), and a part reads its own values, the last one what is left.
     */
    @Test
    void thePartsOfALongLineReadTheirOwnValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.h5");
        H5py.run(dir, """
                import sys, h5py, numpy as np
                with h5py.File(sys.argv[1], "w") as f:
                    f.create_dataset("entry/data/events", data=(np.arange(20_000_000) % 251).astype("u1"),
                                     chunks=(1 << 20,), compression="gzip", compression_opts=1)
                """, file.toString());
        try (H5File h5 = H5File.open(file)) {
            H5Node events = h5.node("/entry/data/events");
            long[] shape = DatasetFacts.of(events).shape();
            SliceRequest first = SliceRequest.firstFrame(shape);
            assertEquals(2, first.rowParts(shape));
            SliceRequest last = first.atRowPart(shape, 1);
            Slice slice = Slices.read(events, last);
            assertEquals(20_000_000 - SliceRequest.MAX_VALUES, slice.rows(), "what is left after the first part");
            assertEquals(SliceRequest.MAX_VALUES % 251, slice.number(0, 0), "the part's first value");
            assertEquals(19_999_999 % 251, slice.number(slice.rows() - 1, 0), "the dataset's last value");
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
