package org.scizoo.core.scicat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.DatasetType;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.Technique;
import org.scizoo.core.units.SciCatUnits;

/**
 * Maps the domain records to the documents a SciCat v4 backend keeps in MongoDB (collections
 * {@code Dataset}, {@code OrigDatablock}, {@code Proposal}) and back. Times are BSON dates; field
 * names are SciCat's. Reading is lenient where SciCat is (optional fields may be missing) and strict
 * where it is not: a document without a required field is refused with the field's name.
 */
public final class SciCatDocuments {

    public static final String DATASET_COLLECTION = "Dataset";
    public static final String ORIG_DATABLOCK_COLLECTION = "OrigDatablock";
    public static final String PROPOSAL_COLLECTION = "Proposal";
    public static final String METADATA_KEYS_COLLECTION = "MetadataKeys";
    /** SciCat's {@code version} field: the API whose document model we write (SciCat writes its route's). */
    public static final String API_VERSION = "4";
    /** Written when a document is first stored only: who made it and when, and SciCat's archive state. */
    public static final java.util.Set<String> INSERT_ONLY = java.util.Set.of("createdAt", "createdBy",
            "datasetlifecycle");

    private SciCatDocuments() {
    }

    public static Document toDocument(Dataset d) {
        Document doc = new Document("_id", d.pid()).append("pid", d.pid());
        doc.append("owner", d.owner()).append("contactEmail", d.contactEmail())
                .append("sourceFolder", d.sourceFolder()).append("size", d.size())
                .append("numberOfFiles", d.numberOfFiles()).append("creationTime", date(d.creationTime()))
                .append("type", d.type().json()).append("datasetName", d.datasetName())
                .append("ownerGroup", d.ownerGroup());
        putIfPresent(doc, "ownerEmail", d.ownerEmail());
        putIfPresent(doc, "description", d.description());
        doc.append("principalInvestigators", d.principalInvestigators()).append("proposalIds", d.proposalIds())
                .append("sampleIds", d.sampleIds()).append("instrumentIds", d.instrumentIds())
                .append("accessGroups", d.accessGroups()).append("keywords", d.keywords());
        List<Document> techniques = new ArrayList<>();
        for (Technique t : d.techniques()) {
            techniques.add(new Document("pid", t.pid()).append("name", t.name()));
        }
        doc.append("techniques", techniques);
        putIfPresent(doc, "startTime", date(d.startTime()));
        putIfPresent(doc, "endTime", date(d.endTime()));
        putIfPresent(doc, "creationLocation", d.creationLocation());
        putIfPresent(doc, "dataFormat", d.dataFormat());
        putIfPresent(doc, "runNumber", d.runNumber());
        doc.append("isPublished", d.isPublished());
        putIfPresent(doc, "comment", d.comment());
        putIfPresent(doc, "dataQualityMetrics", d.dataQualityMetrics());
        Document sm = new Document();
        d.scientificMetadata().forEach((k, v) -> sm.append(k, metadataDocument(v)));
        doc.append("scientificMetadata", sm);
        putIfPresent(doc, "createdBy", d.createdBy());
        putIfPresent(doc, "createdAt", date(d.createdAt()));
        // the writer of this version is the ingestor that made the dataset
        putIfPresent(doc, "updatedBy", d.createdBy());
        return doc;
    }

    /**
     * {@link #toDocument(Dataset)} as it is stored: with what only a write knows, the time of this write
     * ({@code updatedAt}), the API version, and a new dataset's {@code datasetlifecycle} (written on insert
     * only, see {@link #INSERT_ONLY}). Not part of what is read back or printed.
     */
    public static Document toStoredDocument(Dataset d) {
        return toDocument(d).append("updatedAt", new Date()).append("version", API_VERSION)
                .append("datasetlifecycle", newLifecycle(d.createdAt() != null ? d.createdAt() : d.creationTime()));
    }

    /**
     * SciCat's defaults for a new dataset's {@code datasetlifecycle} ({@code src/datasets/schemas/
     * lifecycle.schema.ts}), but the dates its facility's policy sets (retention, publishing), which SciCat
     * computes from its own settings. Written on insert only: SciCat's archive system owns it afterwards.
     */
    private static Document newLifecycle(Instant created) {
        return new Document("archivable", true).append("retrievable", false).append("publishable", false)
                .append("dateOfDiskPurging", date(created)).append("publishedOn", date(created))
                .append("isOnCentralDisk", true).append("archiveStatusMessage", "datasetCreated")
                .append("retrieveStatusMessage", "").append("archiveReturnMessage", new Document())
                .append("retrieveReturnMessage", new Document()).append("retrieveIntegrityCheck", false);
    }

    /**
     * The update that writes, into a document that may be there already, only what we own: every field of
     * {@code full} but those written on insert only ({@link #INSERT_ONLY}), and {@code scientificMetadata}
     * key by key. So a replayed dataset or a proposal stored again keeps what SciCat and its users keep
     * there: the archive's {@code datasetlifecycle}, keys added by others, a proposal's
     * {@code numberOfDatasets} or {@code MeasurementPeriodList}.
     */
    public static Document ownedFieldsUpdate(Document full) {
        Document set = new Document();
        Document onInsert = new Document();
        for (Map.Entry<String, Object> e : full.entrySet()) {
            String key = e.getKey();
            if (key.equals("_id")) {
                continue;
            }
            if (INSERT_ONLY.contains(key)) {
                onInsert.append(key, e.getValue());
            } else if (key.equals("scientificMetadata") && e.getValue() instanceof Document sm && !sm.isEmpty()) {
                sm.forEach((k, v) -> set.append("scientificMetadata." + k, v));
            } else if (key.equals("scientificMetadata")) {
                onInsert.append(key, e.getValue());
            } else {
                set.append(key, e.getValue());
            }
        }
        Document update = new Document("$set", set);
        if (!onInsert.isEmpty()) {
            update.append("$setOnInsert", onInsert);
        }
        return update;
    }

    /**
     * The {@code MetadataKeys} documents SciCat keeps for a dataset's {@code scientificMetadata}, one per
     * key, as its {@code MetadataKeysService.insertManyFromSource} makes them (the key browser and search
     * suggestions read them). {@code userGroups} is the dataset's {@code owner} and {@code accessGroups}:
     * SciCat 4.5 takes {@code owner} there, not {@code ownerGroup}, and we do as it does.
     */
    public static List<Document> metadataKeys(Dataset d) {
        java.util.LinkedHashSet<String> groups = new java.util.LinkedHashSet<>();
        if (d.owner() != null && !d.owner().isEmpty()) {
            groups.add(d.owner());
        }
        d.accessGroups().stream().filter(g -> g != null && !g.isEmpty()).forEach(groups::add);
        Date now = new Date();
        List<Document> keys = new ArrayList<>(d.scientificMetadata().size());
        for (String key : d.scientificMetadata().keySet()) {
            String id = "dataset_" + d.pid() + "_" + key;
            keys.add(new Document("_id", id).append("id", id).append("sourceType", "dataset")
                    .append("sourceId", d.pid()).append("key", key).append("userGroups", List.copyOf(groups))
                    .append("isPublished", d.isPublished()).append("humanReadableName", "")
                    .append("createdBy", "system").append("updatedBy", "system").append("createdAt", now)
                    .append("updatedAt", now));
        }
        return keys;
    }

    public static Dataset dataset(Document doc) {
        Map<String, MetadataValue> sm = new LinkedHashMap<>();
        Object smRaw = doc.get("scientificMetadata");
        if (smRaw instanceof Document smDoc) {
            smDoc.forEach((k, v) -> sm.put(MetadataKeys.safe(k), metadataValue(v)));
        }
        List<Technique> techniques = new ArrayList<>();
        for (Object o : list(doc, "techniques")) {
            if (o instanceof Document t) {
                techniques.add(new Technique(t.getString("pid"), t.getString("name")));
            }
        }
        String pid = doc.get("pid") instanceof String p ? p : required(doc, "_id").toString();
        return Dataset.builder().pid(pid)
                .owner(requiredString(doc, "owner"))
                .contactEmail(requiredString(doc, "contactEmail"))
                .sourceFolder(requiredString(doc, "sourceFolder"))
                .size(((Number) required(doc, "size")).longValue())
                .numberOfFiles(((Number) required(doc, "numberOfFiles")).longValue())
                .creationTime(instant(required(doc, "creationTime")))
                .type(DatasetType.fromJson(requiredString(doc, "type")))
                .datasetName(requiredString(doc, "datasetName"))
                .ownerGroup(requiredString(doc, "ownerGroup"))
                .ownerEmail(doc.getString("ownerEmail"))
                .description(doc.getString("description"))
                .principalInvestigators(strings(doc, "principalInvestigators"))
                .proposalIds(strings(doc, "proposalIds"))
                .sampleIds(strings(doc, "sampleIds"))
                .instrumentIds(strings(doc, "instrumentIds"))
                .accessGroups(strings(doc, "accessGroups"))
                .keywords(strings(doc, "keywords"))
                .techniques(techniques)
                .startTime(instant(doc.get("startTime")))
                .endTime(instant(doc.get("endTime")))
                .creationLocation(doc.getString("creationLocation"))
                .dataFormat(doc.getString("dataFormat"))
                .runNumber(doc.get("runNumber") == null ? null : doc.get("runNumber").toString())
                .isPublished(Boolean.TRUE.equals(doc.get("isPublished")))
                .comment(doc.getString("comment"))
                .dataQualityMetrics(doc.get("dataQualityMetrics") instanceof Number n ? n.doubleValue() : null)
                .scientificMetadata(sm)
                .createdBy(doc.getString("createdBy"))
                .createdAt(instant(doc.get("createdAt")))
                .build();
    }

    /** The dataset document's {@code datasetlifecycle}, or null when it has none (another ingestor's). */
    public static Lifecycle lifecycle(Document dataset) {
        if (!(dataset.get("datasetlifecycle") instanceof Document l)) {
            return null;
        }
        return new Lifecycle(!Boolean.FALSE.equals(l.get("archivable")), Boolean.TRUE.equals(l.get("retrievable")),
                Boolean.TRUE.equals(l.get("publishable")), !Boolean.FALSE.equals(l.get("isOnCentralDisk")),
                text(l.get("archiveStatusMessage")), text(l.get("retrieveStatusMessage")),
                lenientInstant(l.get("dateOfDiskPurging")), lenientInstant(l.get("archiveRetentionTime")),
                lenientInstant(l.get("dateOfPublishing")), text(l.get("exportedTo")),
                text(l.get("storageLocation")));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** A lifecycle's time; one that is not a time (another system's) is left out rather than failing the page. */
    private static Instant lenientInstant(Object o) {
        try {
            return instant(o);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Document toDocument(OrigDatablock b) {
        List<Document> files = new ArrayList<>();
        for (DataFile f : b.dataFileList()) {
            Document fd = new Document("path", f.path()).append("size", f.size()).append("time", date(f.time()));
            putIfPresent(fd, "chk", f.chk());
            files.add(fd);
        }
        Document doc = new Document("_id", b.id()).append("datasetId", b.datasetId()).append("size", b.size());
        putIfPresent(doc, "chkAlg", b.chkAlg());
        return doc.append("ownerGroup", b.ownerGroup()).append("accessGroups", b.accessGroups())
                .append("dataFileList", files);
    }

    public static OrigDatablock origDatablock(Document doc) {
        List<DataFile> files = new ArrayList<>();
        for (Object o : list(doc, "dataFileList")) {
            Document f = (Document) o;
            files.add(new DataFile(requiredString(f, "path"), ((Number) required(f, "size")).longValue(),
                    instant(f.get("time")), f.getString("chk")));
        }
        return new OrigDatablock(required(doc, "_id").toString(), requiredString(doc, "datasetId"),
                ((Number) required(doc, "size")).longValue(), doc.getString("chkAlg"),
                requiredString(doc, "ownerGroup"), strings(doc, "accessGroups"), files);
    }

    public static Document toDocument(Proposal p) {
        Document doc = new Document("_id", p.proposalId()).append("proposalId", p.proposalId())
                .append("title", p.title()).append("email", p.email()).append("ownerGroup", p.ownerGroup())
                .append("accessGroups", p.accessGroups());
        putIfPresent(doc, "pi_email", p.piEmail());
        putIfPresent(doc, "pi_firstname", p.piFirstname());
        putIfPresent(doc, "pi_lastname", p.piLastname());
        putIfPresent(doc, "abstract", p.abstractText());
        putIfPresent(doc, "startTime", date(p.startTime()));
        putIfPresent(doc, "endTime", date(p.endTime()));
        return doc;
    }

    public static Proposal proposal(Document doc) {
        return new Proposal(required(doc, "_id").toString(), requiredString(doc, "title"), doc.getString("pi_email"),
                doc.getString("pi_firstname"), doc.getString("pi_lastname"), requiredString(doc, "email"),
                requiredString(doc, "ownerGroup"), strings(doc, "accessGroups"), doc.getString("abstract"),
                instant(doc.get("startTime")), instant(doc.get("endTime")));
    }

    static Document metadataDocument(MetadataValue v) {
        Document d = new Document("value", v.value()).append("unit", v.unit() == null ? "" : v.unit());
        // as SciCat adds them on its own writes, for its unit-aware conditions
        SciCatUnits.toSi(v.value(), v.unit()).ifPresent(si -> d.append("valueSI", si.valueSI())
                .append("unitSI", si.unitSI()));
        putIfPresent(d, "group", v.group());
        putIfPresent(d, "quality", v.quality());
        putIfPresent(d, "time", date(v.time()));
        return d;
    }

    static MetadataValue metadataValue(Object raw) {
        if (raw instanceof Document d && d.containsKey("value")) {
            Object unit = d.get("unit");
            return new MetadataValue(plain(d.get("value")), unit == null ? null : unit.toString(),
                    d.get("group") instanceof String g ? g : null, d.get("quality") instanceof String q ? q : null,
                    instant(d.get("time")));
        }
        // Written by another ingestor without {value, unit}: keep the value, unit-less.
        return new MetadataValue(plain(raw), null);
    }

    /** Values MetadataValue accepts; nested documents (other ingestors' structures) are kept as JSON text. */
    private static Object plain(Object v) {
        if (v instanceof Document d) {
            return d.toJson();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SciCatDocuments::plain).toList();
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        if (v instanceof org.bson.types.ObjectId || v instanceof org.bson.types.Decimal128) {
            return v.toString();
        }
        return v;
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }

    private static Date date(Instant t) {
        return t == null ? null : Date.from(t);
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Date d) {
            return d.toInstant();
        }
        if (o instanceof String s) {
            try {
                return IsoInstants.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + s + "' is not an ISO-8601 time", e);
            }
        }
        throw new IllegalArgumentException("expected a date, got " + o.getClass().getSimpleName());
    }

    private static Object required(Document doc, String key) {
        Object v = doc.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing required field '" + key + "'");
        }
        return v;
    }

    private static String requiredString(Document doc, String key) {
        Object v = required(doc, key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("field '" + key + "' must be a string");
        }
        return s;
    }

    private static List<?> list(Document doc, String key) {
        Object v = doc.get(key);
        return v instanceof List<?> l ? l : List.of();
    }

    /** A list of strings; SciCat's own writes may hold nulls there ({@code sampleIds: [null]}): left out. */
    private static List<String> strings(Document doc, String key) {
        return list(doc, key).stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
    }
}
