package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scizoo.hdf5.SliceRequest;

/**
 * Which part of a dataset the inspector reads: rows longer than one read may hold are shown in parts, and a
 * reload of a file that grows keeps the view that was chosen.
 */
class SliceRequestTest {

    private static final int MAX = SliceRequest.MAX_VALUES;

    @Test
    void rowsLongerThanOneReadAreShownInParts() {
        long[] shape = { 20_000_000 };
        SliceRequest first = SliceRequest.firstFrame(shape);
        assertEquals(MAX, first.rows());
        assertEquals(2, first.rowParts(shape));
        assertEquals(0, first.rowPart(shape));
        SliceRequest last = first.atRowPart(shape, 1);
        assertEquals(1, last.rowPart(shape));
        assertEquals(MAX, last.rowStart());
        assertEquals(20_000_000 - MAX, last.rows(), "the last part holds what is left");
        assertEquals(first, last.atRowPart(shape, 0));
        assertThrows(IllegalArgumentException.class, () -> first.atRowPart(shape, 2));
        assertThrows(IllegalArgumentException.class, () -> first.atRowPart(shape, -1));

        long[] wide = { 2, 40_000_000 };
        SliceRequest line = SliceRequest.line(wide, 1, new long[] { 1, 0 });
        assertEquals(3, line.rowParts(wide), "a line through an n-d dataset");
        assertEquals(40_000_000 - 2L * MAX, line.atRowPart(wide, 2).rows());
        assertArrayEquals(new long[] { 1, 0 }, line.atRowPart(wide, 2).index());

        long[] frames = { 3, 10_000_000 };
        SliceRequest frame = SliceRequest.frame(frames, 0, 1, new long[2]);
        assertEquals(1, frame.rows(), "10 M columns leave room for one row at a time");
        assertEquals(3, frame.rowParts(frames));
        assertEquals(2, frame.atRowPart(frames, 2).rowStart());

        assertEquals(1, SliceRequest.firstFrame(new long[] { 4096, 4096 }).rowParts(new long[] { 4096, 4096 }),
                "a frame that fits is one part");
        assertEquals(1, SliceRequest.firstFrame(new long[0]).rowParts(new long[0]), "so is a scalar");
    }

    @Test
    void whereASliceLiesIsWrittenAsNumpyWritesIt() {
        long[] stack = { 60, 100, 200 };
        assertEquals("[7, :, :]", SliceRequest.frame(stack, 1, 2, new long[] { 7, 0, 0 }).where(stack));
        assertEquals("[:, 3, 4]", SliceRequest.line(stack, 0, new long[] { 0, 3, 4 }).where(stack));
        long[] line = { 20_000_000 };
        assertEquals("", SliceRequest.firstFrame(new long[] { 100 }).where(new long[] { 100 }), "all of a line");
        assertEquals("[0:16777216]", SliceRequest.firstFrame(line).where(line));
        assertEquals("[16777216:20000000]", SliceRequest.firstFrame(line).atRowPart(line, 1).where(line));
        long[] waveforms = { 10, 50_000_000 };
        assertEquals("[2:3, 0:16777216]", SliceRequest.frame(waveforms, 0, 1, new long[2]).atRowPart(waveforms, 2)
                .where(waveforms), "columns cut at one read: said, not hidden");
        assertEquals("", SliceRequest.firstFrame(new long[0]).where(new long[0]), "a scalar");
    }

    @Test
    void aReloadKeepsTheChosenFrameAxesAndPartAsFarAsTheDatasetReaches() {
        long[] stack = { 60, 100, 200 };
        SliceRequest chosen = SliceRequest.frame(stack, 2, 0, new long[] { 0, 57, 0 }); // rows: axis 2, columns: axis 0
        long[] grown = { 60, 101, 200 };
        assertEquals(chosen, chosen.reshaped(stack, grown), "frame 57 of the other axis, the axes as they were");
        long[] shrunk = { 60, 40, 200 };
        assertArrayEquals(new long[] { 0, 39, 0 }, chosen.reshaped(stack, shrunk).index(), "as far as it reaches");

        long[] line = { 20_000_000 };
        SliceRequest second = SliceRequest.firstFrame(line).atRowPart(line, 1);
        long[] longer = { 40_000_000 };
        SliceRequest kept = second.reshaped(line, longer);
        assertEquals(MAX, kept.rowStart(), "the same part");
        assertEquals(MAX, kept.rows(), "now a whole part, where it held what was left");
        assertEquals(SliceRequest.firstFrame(new long[] { 100 }), second.reshaped(line, new long[] { 100 }),
                "a part the dataset no longer has: its last");

        assertEquals(SliceRequest.firstFrame(new long[] { 5, 5 }), chosen.reshaped(stack, new long[] { 5, 5 }),
                "another rank: the first frame");
    }
}
