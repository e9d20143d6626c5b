package org.scizoo.scanlog.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.ingest.DatasetFactory;

/** A Scanlog column: a header, a default width and how to show a dataset in it. No SWT here. */
public record ScanlogColumn(String id, String header, int width, Function<Dataset, String> text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** The default columns: what a beamline scientist looks at first. */
    public static final List<ScanlogColumn> DEFAULTS = List.of(
            new ScanlogColumn("scanId", "Scan", 80, d -> d.runNumber() == null ? "" : d.runNumber()),
            new ScanlogColumn("startTime", "Start", 140,
                    d -> d.startTime() == null ? "" : TIME.format(d.startTime())),
            new ScanlogColumn("pi", "PI", 170, d -> String.join(", ", d.principalInvestigators())),
            new ScanlogColumn("name", "Name", 170, Dataset::datasetName),
            new ScanlogColumn("command", "Command", 250, d -> meta(d, DatasetFactory.KEY_COMMAND)),
            new ScanlogColumn("detectors", "Detectors", 150, ScanlogColumn::detectors),
            new ScanlogColumn("dataPath", "Data path", 330, ScanlogColumn::dataPath),
            metadata("T01", "T01"),
            metadata("T02", "T02"),
            metadata("sample_description", "Sample"),
            metadata("eiger_nbimages", "Images"));

    public static ScanlogColumn metadata(String key, String header) {
        return new ScanlogColumn("sm." + key, header, 110, d -> {
            MetadataValue v = d.metadata(key);
            return v == null ? "" : v.display();
        });
    }

    private static String meta(Dataset d, String key) {
        MetadataValue v = d.metadata(key);
        if (v != null) {
            return String.valueOf(v.value());
        }
        return d.description() == null ? "" : d.description();
    }

    private static String detectors(Dataset d) {
        MetadataValue v = d.metadata(DatasetFactory.KEY_DETECTORS);
        if (v == null) {
            return "";
        }
        return v.value() instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                : String.valueOf(v.value());
    }

    private static String dataPath(Dataset d) {
        MetadataValue file = d.metadata(DatasetFactory.KEY_DATA_FILE);
        String folder = d.sourceFolder();
        if (file == null) {
            return folder;
        }
        return folder.endsWith("/") ? folder + file.value() : folder + "/" + file.value();
    }
}
