package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * Scienta DA30 archives (.zip): per region a {@code Spectrum_<region>.ini} (the spectrum's shape, in
 * {@code [spectrum]}), a {@code <region>.ini} (the SES entries, in {@code [SES]}) and {@code Spectrum_<region>.bin}
 * (the counts, not read). Regions in name order.
 */
@Component(service = MetadataExtractor.class)
public class Da30ZipExtractor implements MetadataExtractor {

    /** Above this an .ini is not SES's: a guard against a zip bomb named .ini. */
    private static final long MAX_INI = 1 << 20;

    @Override
    public String format() {
        return "Scienta DA30 zip";
    }

    @Override
    public boolean supports(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        return extract(file, ZoneId.systemDefault());
    }

    /** SES writes the acquisition computer's local date and time, without a zone. */
    @Override
    public FileMetadata extract(Path file, ZoneId clocks) throws IOException {
        String what = file.getFileName().toString();
        Map<String, Map<String, String>> ses = new TreeMap<>();
        Map<String, Map<String, String>> spectra = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = Path.of(entry.getName()).getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".ini") || name.equalsIgnoreCase("viewer.ini")) {
                    continue;
                }
                if (entry.getSize() > MAX_INI) {
                    throw new IOException(
                            what + ": " + name + " is " + entry.getSize() + " bytes, too big for an .ini");
                }
                String text = new String(zip.getInputStream(entry).readNBytes((int) MAX_INI),
                        StandardCharsets.ISO_8859_1);
                String region = name.substring(0, name.length() - 4);
                Map<String, IniText.Section> sections = IniText.parse(text);
                if (region.startsWith("Spectrum_")) {
                    IniText.Section s = sections.get("spectrum");
                    spectra.put(region.substring(9), s == null ? Map.of() : s.entries());
                } else if (sections.containsKey("SES")) {
                    ses.put(region, sections.get("SES").entries());
                }
            }
        } catch (ZipException e) {
            throw new IOException(what + " is not a readable zip archive (" + e.getMessage() + ")", e);
        }
        if (ses.isEmpty()) {
            throw new IOException(what + " is no DA30 archive: no <region>.ini with an [SES] section");
        }
        List<Map<String, String>> regions = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> region : ses.entrySet()) {
            Map<String, String> entries = new LinkedHashMap<>(region.getValue());
            entries.putIfAbsent("Region Name", region.getKey());
            Map<String, String> spectrum = spectra.getOrDefault(region.getKey(), Map.of());
            for (String k : new String[] { "width", "height", "depth" }) {
                if (spectrum.containsKey(k)) {
                    entries.put("spectrum " + k, spectrum.get(k));
                }
            }
            regions.add(entries);
        }
        return SesMetadata.of(format(), regions, clocks);
    }
}
