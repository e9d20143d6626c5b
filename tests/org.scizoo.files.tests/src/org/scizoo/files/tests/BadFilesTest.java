package org.scizoo.files.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.MetadataExtractor;
import org.scizoo.files.formats.Da30ZipExtractor;
import org.scizoo.files.formats.ProdigyItxExtractor;
import org.scizoo.files.formats.ProdigyXyExtractor;
import org.scizoo.files.formats.SesIgorExtractor;
import org.scizoo.files.formats.SesTextExtractor;
import org.scizoo.files.formats.SpecsXmlExtractor;
import org.scizoo.tests.support.SharedData;

/** Truncated, garbage and wrongly encoded files of every format: a clear error naming the file, never another exception. */
class BadFilesTest {

    @TempDir
    Path dir;

    @Test
    void truncatedFilesSaySo() throws IOException {
        assertError(new SesTextExtractor(), cut("scienta/Ag_0001.txt", 0.6), "truncated");
        assertError(new SesIgorExtractor(), cut("scienta/Ag_0001Ag__001.ibw", 0.5), "truncated");
        assertError(new ProdigyXyExtractor(), cut("specs/MgFe2O4_small.xy", 0.5), "truncated");
        assertError(new SpecsXmlExtractor(), cut("specs/In-situ_PBTTT_XPS_SPECS.xml", 0.5), "not well-formed XML");
        Path pxt = dir.resolve("cut.pxt");
        byte[] packed = ExtractorsTest.packed(Files.readAllBytes(SharedData.file("scienta/Ag_0001Ag__001.ibw")));
        Files.write(pxt, Arrays.copyOf(packed, packed.length - 100));
        assertError(new SesIgorExtractor(), pxt, "truncated");
        Path itx = dir.resolve("cut.itx");
        Files.writeString(itx, ExtractorsTest.ITX.substring(0, ExtractorsTest.ITX.indexOf("5 6")));
        assertError(new ProdigyItxExtractor(), itx, "truncated");
        Path zip = dir.resolve("cut.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ExtractorsTest.entry(out, "Fermi.ini", "[SES]\r\nRegion Name=Fermi\r\n".repeat(50));
        }
        byte[] z = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(z, z.length / 2));
        assertError(new Da30ZipExtractor(), zip, "not a readable zip");
    }

    @Test
    void garbageAndOtherEncodingsAreRefused() throws IOException {
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        for (MetadataExtractor e : new MetadataExtractor[] { new SesTextExtractor(), new SesIgorExtractor(),
                new ProdigyXyExtractor(), new SpecsXmlExtractor(), new ProdigyItxExtractor(),
                new Da30ZipExtractor() }) {
            String extension = switch (e.getClass().getSimpleName()) {
                case "SesTextExtractor" -> ".txt";
                case "SesIgorExtractor" -> ".ibw";
                case "ProdigyXyExtractor" -> ".xy";
                case "SpecsXmlExtractor" -> ".xml";
                case "ProdigyItxExtractor" -> ".itx";
                default -> ".zip";
            };
            Path garbage = Files.write(dir.resolve("garbage" + extension), noise);
            assertError(e, garbage, "garbage" + extension);
            Path empty = Files.write(dir.resolve("empty" + extension), new byte[0]);
            assertError(e, empty, "empty" + extension);
        }
        // an SES export saved again as UTF-16 by an editor
        String text = Files.readString(SharedData.file("scienta/Ag_0001.txt"), StandardCharsets.ISO_8859_1);
        Path utf16 = Files.writeString(dir.resolve("utf16.txt"), text, StandardCharsets.UTF_16);
        assertError(new SesTextExtractor(), utf16, "another encoding");
        // a Prodigy export that is really a SES one
        Path renamed = Files.copy(SharedData.file("scienta/Ag_0001.txt"), dir.resolve("renamed.xy"));
        assertError(new ProdigyXyExtractor(), renamed, "not a SpecsLab Prodigy XY export");
    }

    private Path cut(String sample, double fraction) throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file(sample));
        Path file = dir.resolve("cut-" + Path.of(sample).getFileName());
        Files.write(file, Arrays.copyOf(whole, (int) (whole.length * fraction)));
        return file;
    }

    private static void assertError(MetadataExtractor extractor, Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> extractor.extract(file), file.toString());
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains(expected),
                extractor.format() + " on " + file.getFileName() + ": " + e.getMessage());
    }
}
