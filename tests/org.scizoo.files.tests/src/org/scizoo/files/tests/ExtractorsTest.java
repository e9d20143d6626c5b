package org.scizoo.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.files.formats.Da30ZipExtractor;
import org.scizoo.files.formats.ProdigyItxExtractor;
import org.scizoo.files.formats.ProdigyXyExtractor;
import org.scizoo.files.formats.SesIgorExtractor;
import org.scizoo.files.formats.SesTextExtractor;
import org.scizoo.files.formats.SpecsXmlExtractor;
import org.scizoo.tests.support.SharedData;

/**
 * Every Scienta and SPECS file in ../shared/data, with values read from those files by eye. Where no real
 * sample exists here (.pxt, DA30 .zip, Prodigy .itx) the test writes one that follows the documented
 * layout, and says so.
 */
class ExtractorsTest {

    @Test
    void sesTextExports() throws IOException {
        FileMetadata ag = new SesTextExtractor().extract(SharedData.file("scienta/Ag_0001.txt"));
        assertEquals(List.of("Ag3d"), ag.regions());
        assertEquals(MetadataValue.of("Transmission"), ag.metadata().get("lens_mode"));
        assertEquals(MetadataValue.of(50L, "eV"), ag.metadata().get("pass_energy"));
        assertEquals(MetadataValue.of(520L, "eV"), ag.metadata().get("excitation_energy"));
        assertEquals(MetadataValue.of(2L), ag.metadata().get("number_of_sweeps"));
        assertEquals(MetadataValue.of(0.203, "s"), ag.metadata().get("dwell_time"), "Step Time=203 (ms)");
        assertEquals(MetadataValue.of(0.05, "eV"), ag.metadata().get("energy_step"));
        assertEquals(MetadataValue.of("R3000-6MS014"), ag.metadata().get("instrument"));
        assertEquals(MetadataValue.of("Swept"), ag.metadata().get("acquisition_mode"));
        assertEquals("Ag", ag.sample());
        assertEquals("AN", ag.user());
        assertEquals(local(2023, 3, 8, 15, 24, 35), ag.startTime());
        assertEquals(List.of("VB"), new SesTextExtractor().extract(SharedData.file("scienta/Ag_0002.txt")).regions());
        FileMetadata cu = new SesTextExtractor().extract(SharedData.file("scienta/Cu-HHTP_0002.txt"));
        assertEquals(List.of("O1s"), cu.regions());
        assertEquals("Cu-HHTP", cu.sample());
    }

    @Test
    void sesIgorWaves() throws IOException {
        FileMetadata ag = new SesIgorExtractor().extract(SharedData.file("scienta/Ag_0001Ag__001.ibw"));
        assertEquals(List.of("Ag3d"), ag.regions());
        assertEquals(MetadataValue.of(50L, "eV"), ag.metadata().get("pass_energy"));
        assertEquals(MetadataValue.of("1.2.5"), ag.metadata().get("version"));
        assertEquals(MetadataValue.of(0.203, "s"), ag.metadata().get("dwell_time"));
        assertEquals(local(2023, 3, 8, 15, 24, 35), ag.startTime());
        assertEquals(List.of("VB"),
                new SesIgorExtractor().extract(SharedData.file("scienta/Ag_0002Ag__002.ibw")).regions());
        assertEquals(List.of("survey"),
                new SesIgorExtractor().extract(SharedData.file("scienta/Cu-HHTP_0001Cu-HHTP__001.ibw")).regions());
    }

    /** No real .pxt here: this one packs the two real SES waves as Igor's packed-file records (TN003: 8-byte headers, type 3). */
    @Test
    void sesPackedExperimentWrittenHere(@TempDir Path dir) throws IOException {
        Path pxt = dir.resolve("Ag.pxt");
        Files.write(pxt, packed(Files.readAllBytes(SharedData.file("scienta/Ag_0001Ag__001.ibw")),
                Files.readAllBytes(SharedData.file("scienta/Ag_0002Ag__002.ibw"))));
        FileMetadata m = new SesIgorExtractor().extract(pxt);
        assertEquals(List.of("Ag3d", "VB"), m.regions());
        assertEquals(MetadataValue.of(List.of(50L, 50L), "eV"), m.metadata().get("pass_energy"));
    }

    static byte[] packed(byte[]... waves) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] history = "history of the experiment\r".getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(record(2, history)); // a history record before the waves: skipped
        for (byte[] w : waves) {
            out.writeBytes(record(3, w));
        }
        return out.toByteArray();
    }

    private static byte[] record(int type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) type).putShort((short) 0).putInt(data.length).put(data);
        return b.array();
    }

    /** No real DA30 archive here: this one follows the layout SES writes (Spectrum_<region>.ini, <region>.ini, .bin). */
    @Test
    void da30ArchiveWrittenHere(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("f0002.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "viewer.ini", "[viewer]\r\nname=viewer\r\n");
            entry(out, "Spectrum_Fermi.ini", "[spectrum]\r\nname=Fermi\r\nwidth=510\r\nheight=400\r\ndepth=1\r\n");
            entry(out, "Fermi.ini", "[SES]\r\nVersion=2.7.9\r\nRegion Name=Fermi\r\nLens Mode=DA30_01\r\n"
                    + "Pass Energy=5\r\nNumber of Sweeps=10\r\nExcitation Energy=21.2\r\nStep Time=100\r\n"
                    + "Date=2026-11-20\r\nTime=10:11:12\r\nSample=Au(111)\r\nUser=beamline\r\n");
            entry(out, "Spectrum_Fermi.bin", "\0\0\0\0");
        }
        FileMetadata m = new Da30ZipExtractor().extract(zip);
        assertEquals(List.of("Fermi"), m.regions());
        assertEquals(MetadataValue.of(5L, "eV"), m.metadata().get("pass_energy"));
        assertEquals(MetadataValue.of("DA30_01"), m.metadata().get("lens_mode"));
        assertEquals(MetadataValue.of(0.1, "s"), m.metadata().get("dwell_time"));
        assertEquals(MetadataValue.of(510L), m.metadata().get("spectrum_width"));
        assertEquals("Au(111)", m.sample());
        assertEquals(local(2026, 11, 20, 10, 11, 12), m.startTime());
    }

    static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.closeEntry();
    }

    @Test
    void prodigyXyWithTwoRegions() throws IOException {
        FileMetadata m = new ProdigyXyExtractor().extract(SharedData.file("specs/MgFe2O4_small.xy"));
        assertEquals(List.of("Survey", "Fe2p"), m.regions());
        assertEquals(MetadataValue.of(List.of(100L, 20L), "eV"), m.metadata().get("pass_energy"));
        assertEquals(MetadataValue.of(List.of(1486.61, 1486.61), "eV"), m.metadata().get("excitation_energy"));
        assertEquals(MetadataValue.of(List.of("LargeArea:1.5kV", "AngleResolvedMode22:1.5kV")),
                m.metadata().get("analyzer_lens"));
        assertEquals(MetadataValue.of(List.of("1 as-loaded", "1 as-loaded")), m.metadata().get("group"));
        assertEquals(Instant.parse("2023-08-24T14:19:47Z"), m.startTime());
        assertEquals(MetadataValue.of("SpecsLab Prodigy, Version 4.100.1-r111001"), m.metadata().get("software"));
    }

    /** No small, freely licensed Prodigy .itx exists: this one follows Prodigy's Igor text export. */
    @Test
    void prodigyItxWrittenHere(@TempDir Path dir) throws IOException {
        Path itx = dir.resolve("MoTe2.itx");
        Files.writeString(itx, ITX, StandardCharsets.ISO_8859_1);
        FileMetadata m = new ProdigyItxExtractor().extract(itx);
        assertEquals(List.of("Spectrum_3"), m.regions());
        assertEquals(MetadataValue.of(5L, "eV"), m.metadata().get("pass_energy"));
        assertEquals(MetadataValue.of("WideAngleMode"), m.metadata().get("lens_mode"));
        assertEquals(MetadataValue.of(21.2182, "eV"), m.metadata().get("excitation_energy"));
        assertEquals(Instant.parse("2021-08-02T10:39:13Z"), m.startTime());
    }

    static final String ITX = """
            IGOR
            X //Created Date (UTC): 2021-Aug-02 10:39:13.744541
            X //Created by: SpecsLab Prodigy, Version 4.86.2-r103043
            X //Acquisition Parameters:
            X //Scan Mode         = SnapshotFAT
            X //Analysis Mode     = UPS
            X //Lens Mode         = WideAngleMode
            X //Spectrum ID       = 3
            X //Number of Scans   = 50
            X //Excitation Energy = 21.2182
            X //Kinetic Energy    = 16.9
            X //Pass Energy       = 5
            X //Dwell Time        = 0.2
            WAVES/S/N=(3,2) 'Spectrum_3'
            BEGIN
            1 2
            3 4
            5 6
            END
            X SetScale/I x, 16.75, 17.05, "eV", 'Spectrum_3'
            """;

    @Test
    void specsLabXml() throws IOException {
        FileMetadata m = new SpecsXmlExtractor().extract(SharedData.file("specs/In-situ_PBTTT_XPS_SPECS.xml"));
        assertEquals("Survey", m.regions().getFirst());
        assertEquals("C1s", m.regions().get(1));
        List<?> pass = (List<?>) m.metadata().get("pass_energy").value();
        assertEquals(50L, pass.getFirst(), "<double name=\"pass_energy\">50</double>");
        assertEquals("eV", m.metadata().get("pass_energy").unit());
        assertEquals(1253.6, ((List<?>) m.metadata().get("excitation_energy").value()).getFirst());
        assertEquals("MediumMagnification:1.5kV", ((List<?>) m.metadata().get("analyzer_lens").value()).getFirst());
        assertEquals("FixedAnalyzerTransmission", ((List<?>) m.metadata().get("scan_mode").value()).getFirst());
        assertEquals("PBTTT 1.2 V", ((List<?>) m.metadata().get("groups").value()).getFirst());
        assertNull(m.startTime());
    }

    private static Instant local(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).atZone(ZoneId.systemDefault()).toInstant();
    }
}
