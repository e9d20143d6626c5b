package org.scizoo.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scizoo.hdf5.H5File;
import org.scizoo.hdf5.H5Kind;
import org.scizoo.hdf5.H5Listing;
import org.scizoo.hdf5.H5Node;
import org.scizoo.tests.support.SharedData;

/**
 * Every NeXus and HDF5 file in ../shared/data (written by GDA/DAWN, the ESS file-writer, pynxtools, NeXpy,
 * h5py and the HDF5 library) opens, and its object list is {@code h5ls -r}'s, line for line: paths, kinds,
 * shapes with their maximum, link targets, and "same as" for hard links.
 */
class H5lsComparisonTest {

    @Test
    void everyFacilityFileListsAsH5lsDoes() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("nexus", "hdf5")) {
            try (Stream<Path> in = Files.list(SharedData.dir().resolve(folder))) {
                in.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        assertEquals(17, files.size(), "the sample files: " + files);
        int objects = 0;
        for (Path file : files) {
            List<String> ours = new ArrayList<>();
            try (H5File h5 = H5File.open(file)) {
                new H5Listing(true, false).list(h5, ours::add);
            }
            List<String> theirs = H5py.h5ls(file).lines().map(H5lsComparisonTest::unescapeOctal).toList();
            assertFalse(theirs.isEmpty(), "h5ls listed " + file);
            assertEquals(theirs, ours, "the object list of " + file.getFileName());
            objects += ours.size();
        }
        assertTrue(objects > 900, "objects compared: " + objects);
    }

    @Test
    void linksAreToldApartAndBrokenOnesSaidSo() throws Exception {
        try (H5File h5 = H5File.open(SharedData.file("hdf5/test_file.hdf5"))) {
            assertLink(h5.node("/links_group/broken_soft_link"), H5Kind.SOFT_LINK, true);
            assertLink(h5.node("/links_group/soft_link_to_group"), H5Kind.SOFT_LINK, false);
            assertLink(h5.node("/links_group/external_link"), H5Kind.EXTERNAL_LINK, false);
            assertLink(h5.node("/links_group/external_link_to_missing_file"), H5Kind.EXTERNAL_LINK, true);
            assertEquals(List.of("int16", "int32", "int8"), h5.node("/links_group/soft_link_to_group").resolved()
                    .children().stream().map(H5Node::name).toList(), "a soft link to a group opens its members");
            assertEquals(H5Kind.DATASET, h5.node("/links_group/external_link").resolved().kind());
        }
        try (H5File h5 = H5File.open(SharedData.file("nexus/38323_processed.nxs"))) {
            // the two external links point at a file of Diamond's that is not here
            assertLink(h5.node("/entry1/merlin_sw_hdf/data"), H5Kind.EXTERNAL_LINK, true);
            assertEquals("NXCollection", h5.node("/entry/auxiliary/0-Centroid").nxClass(), "NX_class as written");
        }
    }

    @Test
    void nexusClassesAreListedWithNx() throws Exception {
        List<String> lines = new ArrayList<>();
        try (H5File h5 = H5File.open(SharedData.file("nexus/chopper.nxs"))) {
            new H5Listing(true, true).list(h5, lines::add);
        }
        assertTrue(lines.contains("/entry                   Group [NXentry]"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("/entry/instrument ") && l.endsWith("[NXinstrument]")));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("[NXchopper]")));
    }

    private static void assertLink(H5Node node, H5Kind kind, boolean broken) {
        assertEquals(kind, node.kind(), node.path());
        assertEquals(broken, node.isBrokenLink(), node.path() + " broken");
    }

    /** h5ls writes a name's non-ASCII bytes as octal escapes (\303\270 for ø); ours are UTF-8 text. */
    static String unescapeOctal(String line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length + 0 && isOctal(raw, i + 1)) {
                bytes.write(Integer.parseInt(new String(raw, i + 1, 3, StandardCharsets.US_ASCII), 8));
                i += 3;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte[] raw, int at) {
        for (int k = at; k < at + 3; k++) {
            if (k >= raw.length || raw[k] < '0' || raw[k] > '7') {
                return false;
            }
        }
        return true;
    }
}
