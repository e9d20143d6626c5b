package org.scizoo.files.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * SpecsLab Prodigy Igor text exports (.itx): after {@code IGOR}, comment commands {@code X //Key: value}
 * (or {@code X //Key = value}), the acquisition parameters following {@code X //Acquisition Parameters:};
 * then one {@code WAVES} block per spectrum (its name: the region), between {@code BEGIN} and {@code END}.
 * A file that ends inside a {@code BEGIN} block is reported as truncated.
 */
@Component(service = MetadataExtractor.class)
public class ProdigyItxExtractor implements MetadataExtractor {

    public static final String FORMAT = "SPECS Prodigy Igor text";
    private static final Set<String> SKIP = Set.of("acquisition_parameters", "created_date_utc", "created_date");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean supports(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".itx");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        if (lines.isEmpty() || !lines.getFirst().strip().equals("IGOR")) {
            throw new IOException(name + " is not an Igor text file (its first line is not IGOR)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> waves = new ArrayList<>();
        boolean inData = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.equals("BEGIN")) {
                inData = true;
            } else if (line.equals("END")) {
                inData = false;
            } else if (!inData && line.startsWith("WAVES")) {
                String wave = line.substring(line.lastIndexOf(' ') + 1).replace("'", "");
                waves.add(wave);
            } else if (!inData && line.startsWith("X //")) {
                String body = line.substring(4).strip();
                int sep = body.indexOf(" = ");
                int colon = body.indexOf(':');
                int at = sep > 0 && (colon < 0 || sep < colon) ? sep : colon;
                if (at > 0) {
                    parameters.putIfAbsent(body.substring(0, at).strip(),
                            body.substring(at + (at == sep ? 3 : 1)).strip());
                }
            }
        }
        if (inData) {
            throw new IOException(name + " is truncated: it ends inside a BEGIN … END data block");
        }
        if (waves.isEmpty() || parameters.isEmpty()) {
            throw new IOException(name + " is no Prodigy Igor text export (" + (waves.isEmpty() ? "no WAVES" : "no"
                    + " X //Key: value parameters") + ")");
        }
        Map<String, MetadataValue> metadata = HeaderValues.merge(List.of(parameters), SKIP);
        String created = parameters.getOrDefault("Created Date (UTC)", parameters.get("Created Date"));
        return new FileMetadata(FORMAT, HeaderValues.time(created == null ? null : created + " UTC", null,
                ZoneId.of("UTC")), parameters.get("Sample"), parameters.get("User"), waves, metadata);
    }
}
