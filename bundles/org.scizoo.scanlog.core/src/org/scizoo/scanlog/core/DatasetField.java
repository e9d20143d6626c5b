package org.scizoo.scanlog.core;

import java.util.function.Function;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.ingest.DatasetFactory;
import org.scizoo.scanlog.core.ScanColumn.Kind;

/** The dataset's own fields the Scanlog offers as columns (metadata keys come as data arrives). */
public enum DatasetField {
    PID("pid", "PID", Kind.TEXT, Dataset::pid),
    SCAN("scan", "Scan", Kind.TEXT, DatasetField::scanNumber),
    START("startTime", "Start", Kind.TIME, Dataset::startTime),
    END("endTime", "End", Kind.TIME, Dataset::endTime),
    CREATED("creationTime", "Created", Kind.TIME, Dataset::creationTime),
    PROPOSAL("proposal", "Proposal", Kind.TEXT, d -> String.join(", ", d.proposalIds())),
    PI("pi", "PI", Kind.TEXT, d -> String.join(", ", d.principalInvestigators())),
    NAME("name", "Name", Kind.TEXT, Dataset::datasetName),
    DESCRIPTION("description", "Description", Kind.TEXT, Dataset::description),
    SAMPLE("sample", "Sample id", Kind.TEXT, d -> String.join(", ", d.sampleIds())),
    INSTRUMENT("instrument", "Instrument", Kind.TEXT, d -> String.join(", ", d.instrumentIds())),
    OWNER("owner", "Owner", Kind.TEXT, Dataset::owner),
    DATA_PATH("dataPath", "Data path", Kind.TEXT, DatasetField::dataPath),
    SIZE("size", "Size [B]", Kind.NUMBER, Dataset::size),
    FILES("numberOfFiles", "Files", Kind.NUMBER, Dataset::numberOfFiles);

    private final String id;
    private final String header;
    private final Kind kind;
    private final Function<Dataset, Object> value;

    DatasetField(String id, String header, Kind kind, Function<Dataset, Object> value) {
        this.id = id;
        this.header = header;
        this.kind = kind;
        this.value = value;
    }

    public String id() {
        return id;
    }

    public String header() {
        return header;
    }

    public Kind kind() {
        return kind;
    }

    Object value(Dataset d) {
        Object v = value.apply(d);
        return v instanceof String s && s.isEmpty() ? null : v;
    }

    private static String scanNumber(Dataset d) {
        if (d.runNumber() != null) {
            return d.runNumber();
        }
        MetadataValue v = d.metadata(DatasetFactory.KEY_SCAN_ID);
        return v == null ? null : String.valueOf(v.value());
    }

    /** Where the scan's data file is: the source folder and, when known, the file in it. */
    static String dataPath(Dataset d) {
        MetadataValue file = d.metadata(DatasetFactory.KEY_DATA_FILE);
        String folder = d.sourceFolder();
        if (file == null) {
            return folder;
        }
        return folder.endsWith("/") ? folder + file.value() : folder + "/" + file.value();
    }
}
