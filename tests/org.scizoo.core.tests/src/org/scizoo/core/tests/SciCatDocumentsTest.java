package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.scicat.SciCatDocuments;
import org.scizoo.core.scicat.SciCatJson;

class SciCatDocumentsTest {

    @Test
    void datasetDocumentCarriesEveryFieldSciCatRequires() {
        Document doc = SciCatDocuments.toDocument(SampleDatasets.full());
        assertEquals(doc.get("pid"), doc.get("_id"), "SciCat keys datasets by pid");
        for (String field : Dataset.REQUIRED_FIELDS) {
            assertNotNull(doc.get(field), "required field " + field);
        }
        assertEquals("raw", doc.get("type"));
        assertInstanceOf(Date.class, doc.get("creationTime"), "times are BSON dates, as SciCat's mongoose writes");
        for (String v4 : List.of("principalInvestigators", "proposalIds", "sampleIds", "instrumentIds")) {
            assertInstanceOf(List.class, doc.get(v4), "v4 array field " + v4);
        }
        Document t01 = doc.get("scientificMetadata", Document.class).get("T01", Document.class);
        assertEquals(21.5, t01.get("value"));
        assertEquals("degC", t01.get("unit"));
        Document descr = doc.get("scientificMetadata", Document.class).get("sample_description", Document.class);
        assertEquals("", descr.get("unit"), "unit-less values still have the {value, unit} shape");
        Document harvested = doc.get("scientificMetadata", Document.class).get("water_bath", Document.class);
        assertEquals("environment", harvested.get("group"), "the SciDog group is kept with the value");
        assertEquals("ALARM", harvested.get("quality"));
        assertInstanceOf(Date.class, harvested.get("time"));
        assertEquals(List.of("value", "unit"), List.copyOf(descr.keySet()), "no empty extras on plain values");
    }

    @Test
    void datasetRoundTripsThroughBsonUnchanged() {
        Dataset original = SampleDatasets.full();
        // Encode to real BSON bytes and back, as the driver does, not just to a Document.
        BsonDocument bson = SciCatDocuments.toDocument(original).toBsonDocument();
        Document decoded = Document.parse(bson.toJson());
        assertEquals(original, SciCatDocuments.dataset(decoded));
    }

    @Test
    void datasetRoundTripsThroughSciCatJsonUnchanged() {
        Dataset original = SampleDatasets.full();
        String json = SciCatJson.toJson(original, true);
        assertTrue(json.contains("\"creationTime\": \"2026-11-21T08:53:41.123Z\""), json);
        assertTrue(!json.contains("\"_id\""), "REST JSON has pid, no _id");
        assertEquals(original, SciCatJson.datasetFromJson(json));
    }

    @Test
    void minimalDatasetWithOnlyRequiredFieldsRoundTrips() {
        Dataset minimal = Dataset.builder().pid("p/1").owner("o").contactEmail("o@x").sourceFolder("/d")
                .creationTime(Instant.parse("2026-01-01T00:00:00Z")).datasetName("n").ownerGroup("g").build();
        assertEquals(minimal, SciCatDocuments.dataset(SciCatDocuments.toDocument(minimal)));
        assertEquals(minimal, SciCatJson.datasetFromJson(SciCatJson.toJson(minimal, false)));
    }

    @Test
    void timesAreKeptToTheMillisecondLikeMongoDb() {
        Dataset d = SampleDatasets.full().toBuilder().creationTime(Instant.parse("2026-11-21T08:53:41.123456789Z"))
                .build();
        assertEquals(Instant.parse("2026-11-21T08:53:41.123Z"), d.creationTime());
    }

    @Test
    void documentWithoutARequiredFieldIsRefusedNamingTheField() {
        Document doc = SciCatDocuments.toDocument(SampleDatasets.full());
        doc.remove("contactEmail");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SciCatDocuments.dataset(doc));
        assertTrue(e.getMessage().contains("contactEmail"), e.getMessage());
    }

    @Test
    void malformedJsonIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SciCatJson.datasetFromJson("{\"pid\": \"x\", "));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SciCatJson.datasetFromJson(
                SciCatJson.toJson(SampleDatasets.full(), false).replace("2026-11-21T08:53:41.123Z", "yesterday")));
    }

    @Test
    void metadataWrittenByAnotherIngestorIsReadWithoutLoss() {
        Document doc = SciCatDocuments.toDocument(SampleDatasets.full());
        Document sm = doc.get("scientificMetadata", Document.class);
        sm.append("plain_number", 7).append("nested", new Document("a", 1));
        Dataset d = SciCatDocuments.dataset(doc);
        assertEquals(7L, d.metadata("plain_number").value());
        assertEquals(null, d.metadata("plain_number").unit());
        assertTrue(d.metadata("nested").value().toString().contains("\"a\""), "nested structures kept as JSON");
    }

    @Test
    void whatSciCatWritesIsReadWithoutDamage() {
        Document doc = SciCatDocuments.toDocument(SampleDatasets.full());
        doc.put("sampleIds", java.util.Arrays.asList((Object) null)); // SciCat's own write of a dataset without sample
        Dataset d = SciCatDocuments.dataset(doc);
        assertEquals(java.util.List.of(), d.sampleIds(), "no \"null\" sample");
    }

    @Test
    void aStoredAgainDocumentWritesOnlyWhatWeOwn() {
        Document update = SciCatDocuments.ownedFieldsUpdate(SciCatDocuments.toStoredDocument(SampleDatasets.full()));
        Document set = update.get("$set", Document.class);
        Document onInsert = update.get("$setOnInsert", Document.class);
        assertTrue(set.containsKey("scientificMetadata.T01") && !set.containsKey("scientificMetadata"), set.toJson());
        assertTrue(onInsert.containsKey("datasetlifecycle") && onInsert.containsKey("createdAt"), onInsert.toJson());
        assertTrue(!set.containsKey("_id") && !set.containsKey("datasetlifecycle") && set.containsKey("updatedAt"));
    }

    @Test
    void origDatablockAndProposalRoundTrip() {
        OrigDatablock block = new OrigDatablock("p/1/orig-0", "p/1", 42, "sha1", "g", List.of("cosaxs"),
                List.of(new DataFile("scan_1.h5", 42, Instant.parse("2026-11-21T08:00:00Z"), "abc")));
        Document bd = SciCatDocuments.toDocument(block);
        assertEquals("p/1", bd.get("datasetId"));
        assertEquals(block, SciCatDocuments.origDatablock(bd));
        Proposal p = new Proposal("20250042", "Hydration shells", "ada@example.org", "Ada", "Lovelace",
                "ada@example.org", "20250042", List.of("cosaxs"), "abstract", null, null);
        Document pd = SciCatDocuments.toDocument(p);
        assertEquals("20250042", pd.get("_id"));
        assertEquals("ada@example.org", pd.get("pi_email"));
        assertEquals(p, SciCatDocuments.proposal(pd));
    }
}
