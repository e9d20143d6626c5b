package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scizoo.hdf5.Attributes;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.NexusDefault;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.Slices;
import org.scizoo.tests.support.SharedData;

/** Attributes of every type, dataset facts, values of numbers, strings and compounds, n-d slices, NeXus defaults. */
class ReadingTest {

    @Test
    void attributesOfEveryTypeReadably() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_attribute_latest.hdf5"))) {
            Map<String, Attributes.Row> rows = Attributes.of(h5.node("/test_group/data")).stream()
                    .collect(Collectors.toMap(Attributes.Row::name, r -> r));
            assertEquals(14, rows.size(), rows.keySet().toString());
            assertTrue(rows.values().stream().allMatch(r -> r.error() == null), rows.toString());
            assertEquals("hello", rows.get("scalar_string").value());
            assertEquals("123.45", rows.get("scalar_float").value());
            assertEquals("[[0, 1, 2], [3, 4, 5]]", rows.get("2D_int").value());
            assertEquals("2 × 3", rows.get("2D_int").shape());
            assertEquals("32-bit little-endian integer", rows.get("2D_int").type());
            assertEquals("null", rows.get("empty_float").shape());
            assertTrue(rows.get("object_reference").type().startsWith("reference"));
        }
    }

    @Test
    void datasetFactsWithChunksFiltersAndSizes() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_compressed_chunked_datasets_latest.hdf5"))) {
            DatasetFacts gzip = DatasetFacts.of(h5.node("/float/float32"));
            assertArrayEquals(new long[] { 7, 5 }, gzip.shape());
            assertArrayEquals(new int[] { 2, 1 }, gzip.chunkShape());
            assertEquals(List.of("deflate (gzip) (filter 1) [4]"), gzip.filters());
            assertEquals(140, gzip.sizeInBytes());
            assertEquals(307, gzip.storageInBytes());
            assertEquals(140 / 307.0, gzip.compressionRatio(), 1e-9);
            DatasetFacts lzf = DatasetFacts.of(h5.node("/float/float32lzf"));
            assertTrue(lzf.filters().getFirst().startsWith("lzf (filter 32000)"), lzf.filters().toString());
            Slice values = Slices.read(h5.node("/float/float32lzf"), SliceRequest.firstFrame(lzf.shape()));
            assertEquals(7, values.rows());
            assertEquals("34", values.text(6, 4), "the LZF-compressed values, decompressed");
        }
        try (H5File h5 = H5File.open(SharedData.file("nexus/38323_processed.nxs"))) {
            DatasetFacts growing = DatasetFacts.of(h5.node("/entry1/instrument/ic1/ic1"));
            assertEquals("{999/Inf}", growing.h5lsShape(), "an unlimited maximum");
        }
    }

    @Test
    void stringAndCompoundValues() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_string_datasets_latest.hdf5"))) {
            Slice strings = Slices.read(h5.node("/variable_length_2d"), SliceRequest.firstFrame(new long[] { 5, 7 }));
            assertFalse(strings.numeric());
            assertEquals("9", strings.text(1, 2));
        }
        try (H5File h5 = H5File.open(SharedData.file("hdf5/compound_datasets_latest.hdf5"))) {
            Slice compound = Slices.read(h5.node("/2d_chunked_compound"), SliceRequest.firstFrame(new long[] { 3, 3 }));
            assertEquals("{real=2.3, img=-7.3}", compound.text(0, 0));
            assertEquals("{real=-32.3, img=-0.3}", compound.text(1, 2));
        }
    }

    @Test
    void anyTwoAxesOfAnNdDatasetAtAnyIndexOfTheRest() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_file.hdf5"))) {
            var node = h5.node("/nD_Datasets/3D_float32");
            long[] shape = DatasetFacts.of(node).shape();
            assertArrayEquals(new long[] { 2, 5, 100 }, shape);
            Slice frame = Slices.read(node, SliceRequest.frame(shape, 1, 2, new long[] { 1, 0, 0 }));
            assertEquals(5, frame.rows());
            assertEquals(100, frame.cols());
            assertEquals(842.0, frame.number(3, 42), "h5py reads 842.0 at [1, 3, 42]");
            Slice transposed = Slices.read(node, SliceRequest.frame(shape, 2, 1, new long[] { 1, 0, 0 }));
            assertEquals(100, transposed.rows());
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 100; c++) {
                    assertEquals(frame.number(r, c), transposed.number(c, r));
                }
            }
            Slice line = Slices.read(node, SliceRequest.line(shape, 0, new long[] { 0, 3, 42 }));
            assertEquals(List.of(342.0, 842.0), Arrays.stream(line.numbers()).boxed().toList());
        }
    }

    @Test
    void nexusDefaultPlots() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("nexus/example.nxs"))) {
            NexusDefault.Plot plot = NexusDefault.find(h5);
            assertEquals("/entry/data/signal", plot.signal());
            assertEquals(List.of("/entry/data/y", "/entry/data/x"), plot.axes());
            assertArrayEquals(new long[] { 101, 101 }, plot.shape());
        }
        try (H5File h5 = H5File.open(SharedData.file("nexus/chopper.nxs"))) {
            NexusDefault.Plot plot = NexusDefault.find(h5);
            assertEquals("/entry/data/data", plot.signal());
            assertEquals(List.of("/entry/data/polar_angle", "/entry/data/time_of_flight"), plot.axes());
        }
        try (H5File h5 = H5File.open(SharedData.file("nexus/scienta_txt_ref.nxs"))) {
            NexusDefault.Plot plot = NexusDefault.find(h5);
            assertEquals("/Ag__001__Ag3d/data/data", plot.signal(), "the root's @default entry, its NXdata's @signal");
            assertEquals(List.of("/Ag__001__Ag3d/data/energy"), plot.axes(), "from @energy_indices = 0");
        }
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_file.hdf5"))) {
            Exception none = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> NexusDefault.find(h5));
            assertTrue(none.getMessage().contains("no default plot"), none.getMessage());
        }
    }

    @Test
    void anOlderNexusFileWithoutDefaultPlotsItsFirstNxdataThatCanBe() throws Exception {
        // Diamond, 2014: no @default, the first NXdata (/entry/result) empty; the plottable ones nest in an
        // NXcollection and mark their signal as a field's signal=1, their axis as a field's axis=1
        try (H5File h5 = H5File.open(SharedData.file("nexus/38323_processed.nxs"))) {
            NexusDefault.Plot plot = NexusDefault.find(h5);
            assertEquals("/entry/auxiliary/0-Centroid/centroid_x", plot.nxdata());
            assertEquals("/entry/auxiliary/0-Centroid/centroid_x/data", plot.signal());
            assertEquals(List.of("/entry/auxiliary/0-Centroid/centroid_x/lab_sx"), plot.axes(), "from axis=1");
            assertArrayEquals(new long[] { 999 }, plot.shape());
            assertFalse(plot.byDefault());
            assertEquals("the first NXdata that can be plotted (/entry has no @default; /entry/result names no"
                    + " signal dataset (no @signal))", plot.choice());
        }
        try (H5File h5 = H5File.open(SharedData.file("nexus/example.nxs"))) {
            NexusDefault.Plot plot = NexusDefault.find(h5);
            assertTrue(plot.byDefault(), plot.choice());
            assertEquals("/entry/data", plot.nxdata());
        }
    }

    @Test
    void nonNexusGroupsHaveNoClass() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_file.hdf5"))) {
            assertNull(h5.node("/datasets_group").nxClass());
        }
    }
}
