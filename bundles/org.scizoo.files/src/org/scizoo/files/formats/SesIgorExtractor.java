package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * Scienta SES Igor files: a binary wave (.ibw, one region: the wave note's {@code [SES]} entries or JSON)
 * and a packed experiment (.pxt, one wave per region).
 */
@Component(service = MetadataExtractor.class)
public class SesIgorExtractor implements MetadataExtractor {

    @Override
    public String format() {
        return "Scienta SES Igor";
    }

    @Override
    public boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ibw") || name.endsWith(".pxt");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        return extract(file, ZoneId.systemDefault());
    }

    /** SES writes the acquisition computer's local date and time, without a zone. */
    @Override
    public FileMetadata extract(Path file, ZoneId clocks) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        boolean packed = name.toLowerCase(Locale.ROOT).endsWith(".pxt");
        List<Map<String, String>> regions = packed ? IgorWave.packedWaves(bytes, name)
                : List.of(IgorWave.noteEntries(bytes, 0, bytes.length, name));
        return SesMetadata.of(packed ? "Scienta SES Igor packed experiment" : "Scienta SES Igor wave", regions,
                clocks);
    }
}
