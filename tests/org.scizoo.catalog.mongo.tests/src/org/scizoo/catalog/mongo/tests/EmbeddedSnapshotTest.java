package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.catalog.mongo.internal.EmbeddedDocuments;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's direct read (the Scanlog's million scans) while the server keeps writing: H2 drops
 * chunks that later writes left without live pages once they are older than its retention time (45 s),
 * and such a read takes longer than that. The read must still see every document as it was.
 */
class EmbeddedSnapshotTest {

    private static final int DOCUMENTS = 5_000;

    @TempDir
    Path dir;

    @Test
    void aReadSeesItsSnapshotWhileEverythingIsRewrittenAndOldChunksAreDropped() throws InterruptedException {
        Path file = dir.resolve("catalog.mv");
        MVStore written = new MVStore.Builder().fileName(file.toString()).open();
        writeAll(EmbeddedDocuments.map(written, "scicat", "Dataset"), 0);
        written.close();
        // opened again, so its pages are read from the file as they are needed, through a 1 MB cache; H2's
        // background writer running (as in the embedded store) with no retention time, so the chunks left
        // without live pages are dropped at once. Without the snapshot's registration this read fails
        // with "Chunk 1 not found" (checked).
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(1).autoCommitBufferSize(256).open();
        try {
            store.setRetentionTime(0);
            MVMap<Object, Document> map = EmbeddedDocuments.map(store, "scicat", "Dataset");
            int read = 0;
            try (EmbeddedDocuments.Snapshot snapshot = EmbeddedDocuments.open(store, "scicat", "Dataset")) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(0, snapshot.next().get("round"));
                    read++;
                }
                for (int round = 1; round <= 10; round++) {
                    writeAll(map, round); // the server upserting every scan again, committed each time
                    store.commit();
                    Thread.sleep(200); // H2's background writer drops and compacts chunks meanwhile
                }
                while (snapshot.hasNext()) {
                    org.bson.Document d = snapshot.next();
                    assertEquals(0, d.get("round"), "as of when the read began: " + d.get("_id"));
                    read++;
                }
                assertFalse(snapshot.hasNext());
            }
            assertEquals(DOCUMENTS, read);
            try (EmbeddedDocuments.Snapshot now = EmbeddedDocuments.open(store, "scicat", "Dataset")) {
                assertEquals(10, now.next().get("round"), "a new read sees the last round");
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aCollectionThatDoesNotExistIsEmpty() {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("empty.mv").toString()).open();
        try (EmbeddedDocuments.Snapshot none = EmbeddedDocuments.open(store, "scicat", "Dataset")) {
            assertFalse(none.hasNext());
        } finally {
            store.close();
        }
    }

    private static void writeAll(MVMap<Object, Document> map, int round) {
        for (int i = 0; i < DOCUMENTS; i++) {
            String id = "20.500.12345/scan-" + i;
            map.put(id, new Document("_id", id).append("round", round).append("padding", "x".repeat(1_000)));
        }
    }
}
