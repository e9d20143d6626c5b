package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.images.Images;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SciCatBackend;

/**
 * The Scanlog's annotations in SciCat mode, through the real SciCat 4.5.0: each change is an attachment of the
 * dataset with SciCat's author and time, the raw dataset is untouched, whoever SciCat lets see the dataset
 * sees its notes (its owner group and access groups, nobody else), only its owner group may add to it, and
 * an image added in SciCat's own frontend is one of the dataset's images.
 */
class SciCatAnnotationsTest {

    /** Alice's, shared with Bob's group (its access groups). */
    private static final String SHARED = "20.500.12345/notes-shared";
    private static final String SHARED_2 = "20.500.12345/notes-shared-2";
    /** Alice's alone. */
    private static final String ALICES = "20.500.12345/notes-alice";
    private static final String FROM_FRONTEND = "20.500.12345/notes-frontend";

    @TempDir
    static Path dir;
    private static CatalogStore store;
    private static SciCatBackend scicat;
    private static CatalogStoreProvider stores;

    @BeforeAll
    static void catalogueBehindSciCat() throws Exception {
        stores = OsgiServices.get(CatalogStoreProvider.class);
        Path data = dir.resolve("data");
        store = stores.open(BackendSettings.embedded(data));
        store.upsert(List.of(entry(SHARED, List.of(SciCatBackend.BOB_GROUP), 0),
                entry(SHARED_2, List.of(SciCatBackend.BOB_GROUP), 1), entry(ALICES, List.of(), 2),
                entry(FROM_FRONTEND, List.of(), 3)));
        scicat = new SciCatBackend(dir.resolve("scicat"), SciCatBackend.storeUri(data));
    }

    @AfterAll
    static void stop() {
        if (scicat != null) {
            scicat.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void eachChangeIsAnAttachmentWithSciCatsAuthorAndTimeAndTheDatasetIsUntouched() throws Exception {
        Dataset before = store.findDataset(SHARED).orElseThrow();
        byte[] png = png(300, 150);
        Instant t0 = Instant.now().minusSeconds(1);
        ImageFile image;
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            AnnotationStore notes = alice.annotations();
            notes.add(SHARED, Kind.COMMENT, "beam lost at 03:10", "someone else");
            notes.add(SHARED, Kind.RATING, "4", "alice");
            notes.add(SHARED, Kind.QUALITY, "bad", "alice");
            notes.add(SHARED, Kind.COMMENT, "refilled; fine after 03:20", "alice");
            image = notes.addImage(Images.prepare(SHARED, "camera.png", png, "alice", Instant.now()));
            notes.add(SHARED, Kind.QUALITY_METRICS, "0.93", "alice");

            List<Annotation> history = notes.history(SHARED);
            assertEquals(List.of(Kind.COMMENT, Kind.RATING, Kind.QUALITY, Kind.COMMENT, Kind.IMAGE,
                    Kind.QUALITY_METRICS), history.stream().map(Annotation::kind).toList(), "oldest first");
            assertTrue(history.stream().allMatch(a -> a.author().equals(SciCatBackend.ALICE)),
                    "SciCat's createdBy, not what the client said: " + history);
            for (int i = 0; i < history.size(); i++) {
                Instant t = history.get(i).time();
                assertTrue(!t.isBefore(t0) && !t.isAfter(Instant.now()), "SciCat's createdAt: " + t);
                assertTrue(i == 0 || !t.isBefore(history.get(i - 1).time()), "in time order");
            }
            assertEquals(image.id(), history.get(4).value(), "the image's id is SciCat's attachment id");

            Annotations current = notes.current().get(SHARED);
            assertEquals("refilled; fine after 03:20", current.comment());
            assertEquals(4, current.rating());
            assertEquals("bad", current.quality());
            assertEquals(0.93, current.qualityMetrics(), 1e-12);
            assertEquals(List.of(image.id()), current.imageIds());

            CatalogException seven = assertThrows(CatalogException.class,
                    () -> notes.add(SHARED, Kind.RATING, "7", "alice"));
            assertTrue(seven.getMessage().contains("1 to 5"), seven.getMessage());
        }
        try (CatalogStore again = open(SciCatBackend.ALICE)) {
            ImageFile read = again.annotations().image(image.id()).orElseThrow();
            assertArrayEquals(png, read.data(), "the image as it was attached");
            assertEquals("camera.png", read.fileName());
            assertEquals("image/png", read.contentType());
            BufferedImage thumb = ImageIO
                    .read(new ByteArrayInputStream(again.annotations().thumbnail(image.id()).orElseThrow()));
            assertEquals(Images.THUMBNAIL, thumb.getWidth(), "made from the image in a session that did not add it");
            again.annotations().add(SHARED, Kind.IMAGE, "-" + image.id(), "alice");
            assertEquals(List.of(), again.annotations().current().get(SHARED).imageIds(), "taken away again");
        }
        assertEquals(before, store.findDataset(SHARED).orElseThrow(), "the raw dataset is not edited");
    }

    @Test
    void whoSeesTheDatasetSeesItsNotesAndOnlyItsOwnerGroupAddsToIt() throws Exception {
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            alice.annotations().add(SHARED_2, Kind.COMMENT, "for Bob's group too", "alice");
            alice.annotations().add(ALICES, Kind.COMMENT, "Alice's group only", "alice");
        }
        try (CatalogStore bob = open(SciCatBackend.BOB)) {
            AnnotationStore notes = bob.annotations();
            assertEquals("for Bob's group too", notes.current().get(SHARED_2).comment(), "shared through its groups");
            assertFalse(notes.current().containsKey(ALICES), "not Bob's to see");
            assertEquals(List.of(), notes.history(ALICES));
            assertEquals(1, notes.history(SHARED_2).size());
            CatalogException notOwner = assertThrows(CatalogException.class,
                    () -> notes.add(SHARED_2, Kind.COMMENT, "Bob was here", "bob"));
            assertTrue(notOwner.getMessage().contains("owner group, " + SciCatBackend.ALICE_GROUP),
                    notOwner.getMessage());
            CatalogException notSeen = assertThrows(CatalogException.class,
                    () -> notes.add(ALICES, Kind.RATING, "1", "bob"));
            assertTrue(notSeen.getMessage().contains("no such dataset, or it is not yours"), notSeen.getMessage());
            assertEquals(1, notes.history(SHARED_2).size(), "nothing was added by the refusals");
        }
        try (CatalogStore anonymous = stores.open(settings(scicat.anonymous()))) {
            assertTrue(anonymous.annotations().current().isEmpty());
            CatalogException refused = assertThrows(CatalogException.class,
                    () -> anonymous.annotations().add(SHARED_2, Kind.COMMENT, "hi", "nobody"));
            assertTrue(refused.getMessage().contains("log in"), refused.getMessage());
        }
    }

    @Test
    void anImageAddedInSciCatsFrontendIsOneOfTheDatasetsImages() throws Exception {
        byte[] png = png(64, 48);
        String token = scicat.login(SciCatBackend.ALICE);
        Document made = scicat.json("POST", "/v3/datasets/" + SciCatBackend.query(FROM_FRONTEND) + "/attachments",
                token, new Document("caption", "beam profile").append("ownerGroup", SciCatBackend.ALICE_GROUP)
                        .append("thumbnail", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                        .toJson());
        scicat.json("POST", "/v3/datasets/" + SciCatBackend.query(FROM_FRONTEND) + "/attachments", token,
                new Document("caption", "a note without an image").append("ownerGroup", SciCatBackend.ALICE_GROUP)
                        .toJson());
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            List<Annotation> history = alice.annotations().history(FROM_FRONTEND);
            assertEquals(1, history.size(), "the image; the caption alone is not one of ours: " + history);
            assertEquals(Kind.IMAGE, history.get(0).kind());
            String id = history.get(0).value();
            assertEquals(made.getString("id"), id);
            ImageFile f = alice.annotations().image(id).orElseThrow();
            assertEquals("beam profile", f.fileName());
            assertArrayEquals(png, f.data());
            assertTrue(alice.annotations().thumbnail(id).isPresent());
        }
    }

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static CatalogStore open(String user) throws CatalogException {
        return stores.open(settings(scicat.loginOf(user)));
    }

    private static BackendSettings settings(SciCatLogin login) {
        return new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(5)).withSciCat(login);
    }

    private static CatalogEntry entry(String pid, List<String> accessGroups, int minute) {
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-22T08:00:00Z").plusSeconds(60L * minute))
                .datasetName("scan " + pid).ownerGroup(SciCatBackend.ALICE_GROUP)
                .proposalIds(List.of(SciCatBackend.ALICE_GROUP)).accessGroups(accessGroups).build();
        return new CatalogEntry(d, List.of());
    }
}
