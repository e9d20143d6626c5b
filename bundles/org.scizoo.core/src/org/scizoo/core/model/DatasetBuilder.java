package org.scizoo.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable builder for the many-fielded {@link Dataset}; {@link #build()} validates. */
public final class DatasetBuilder {
    private String pid;
    private String owner;
    private String contactEmail;
    private String sourceFolder;
    private long size;
    private long numberOfFiles;
    private Instant creationTime;
    private DatasetType type = DatasetType.RAW;
    private String datasetName;
    private String ownerGroup;
    private String ownerEmail;
    private String description;
    private List<String> principalInvestigators = new ArrayList<>();
    private List<String> proposalIds = new ArrayList<>();
    private List<String> sampleIds = new ArrayList<>();
    private List<String> instrumentIds = new ArrayList<>();
    private List<String> accessGroups = new ArrayList<>();
    private List<String> keywords = new ArrayList<>();
    private List<Technique> techniques = new ArrayList<>();
    private Instant startTime;
    private Instant endTime;
    private String creationLocation;
    private String dataFormat;
    private String runNumber;
    private boolean isPublished;
    private String comment;
    private Double dataQualityMetrics;
    private Map<String, MetadataValue> scientificMetadata = new LinkedHashMap<>();
    private String createdBy;
    private Instant createdAt;

    DatasetBuilder() {
    }

    DatasetBuilder(Dataset d) {
        pid = d.pid();
        owner = d.owner();
        contactEmail = d.contactEmail();
        sourceFolder = d.sourceFolder();
        size = d.size();
        numberOfFiles = d.numberOfFiles();
        creationTime = d.creationTime();
        type = d.type();
        datasetName = d.datasetName();
        ownerGroup = d.ownerGroup();
        ownerEmail = d.ownerEmail();
        description = d.description();
        principalInvestigators = new ArrayList<>(d.principalInvestigators());
        proposalIds = new ArrayList<>(d.proposalIds());
        sampleIds = new ArrayList<>(d.sampleIds());
        instrumentIds = new ArrayList<>(d.instrumentIds());
        accessGroups = new ArrayList<>(d.accessGroups());
        keywords = new ArrayList<>(d.keywords());
        techniques = new ArrayList<>(d.techniques());
        startTime = d.startTime();
        endTime = d.endTime();
        creationLocation = d.creationLocation();
        dataFormat = d.dataFormat();
        runNumber = d.runNumber();
        isPublished = d.isPublished();
        comment = d.comment();
        dataQualityMetrics = d.dataQualityMetrics();
        scientificMetadata = new LinkedHashMap<>(d.scientificMetadata());
        createdBy = d.createdBy();
        createdAt = d.createdAt();
    }

    public DatasetBuilder pid(String v) { pid = v; return this; }
    public DatasetBuilder owner(String v) { owner = v; return this; }
    public DatasetBuilder contactEmail(String v) { contactEmail = v; return this; }
    public DatasetBuilder sourceFolder(String v) { sourceFolder = v; return this; }
    public DatasetBuilder size(long v) { size = v; return this; }
    public DatasetBuilder numberOfFiles(long v) { numberOfFiles = v; return this; }
    public DatasetBuilder creationTime(Instant v) { creationTime = v; return this; }
    public DatasetBuilder type(DatasetType v) { type = v; return this; }
    public DatasetBuilder datasetName(String v) { datasetName = v; return this; }
    public DatasetBuilder ownerGroup(String v) { ownerGroup = v; return this; }
    public DatasetBuilder ownerEmail(String v) { ownerEmail = v; return this; }
    public DatasetBuilder description(String v) { description = v; return this; }
    public DatasetBuilder principalInvestigators(List<String> v) {
        principalInvestigators = new ArrayList<>(v);
        return this;
    }
    public DatasetBuilder proposalIds(List<String> v) { proposalIds = new ArrayList<>(v); return this; }
    public DatasetBuilder sampleIds(List<String> v) { sampleIds = new ArrayList<>(v); return this; }
    public DatasetBuilder instrumentIds(List<String> v) { instrumentIds = new ArrayList<>(v); return this; }
    public DatasetBuilder accessGroups(List<String> v) { accessGroups = new ArrayList<>(v); return this; }
    public DatasetBuilder keywords(List<String> v) { keywords = new ArrayList<>(v); return this; }
    public DatasetBuilder techniques(List<Technique> v) { techniques = new ArrayList<>(v); return this; }
    public DatasetBuilder startTime(Instant v) { startTime = v; return this; }
    public DatasetBuilder endTime(Instant v) { endTime = v; return this; }
    public DatasetBuilder creationLocation(String v) { creationLocation = v; return this; }
    public DatasetBuilder dataFormat(String v) { dataFormat = v; return this; }
    public DatasetBuilder runNumber(String v) { runNumber = v; return this; }
    public DatasetBuilder isPublished(boolean v) { isPublished = v; return this; }
    public DatasetBuilder comment(String v) { comment = v; return this; }
    public DatasetBuilder dataQualityMetrics(Double v) { dataQualityMetrics = v; return this; }
    public DatasetBuilder scientificMetadata(Map<String, MetadataValue> v) {
        scientificMetadata = new LinkedHashMap<>(v);
        return this;
    }
    public DatasetBuilder createdBy(String v) { createdBy = v; return this; }
    public DatasetBuilder createdAt(Instant v) { createdAt = v; return this; }

    /** Adds one metadata entry under a key made safe for MongoDB. */
    public DatasetBuilder metadata(String key, MetadataValue value) {
        scientificMetadata.put(MetadataKeys.safe(key), value);
        return this;
    }

    public Dataset build() {
        return new Dataset(pid, owner, contactEmail, sourceFolder, size, numberOfFiles, creationTime, type,
                datasetName, ownerGroup, ownerEmail, description, principalInvestigators, proposalIds, sampleIds,
                instrumentIds, accessGroups, keywords, techniques, startTime, endTime, creationLocation, dataFormat,
                runNumber, isPublished, comment, dataQualityMetrics, scientificMetadata, createdBy, createdAt);
    }
}
