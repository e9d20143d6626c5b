package org.scizoo.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.MetadataExtractor;
import org.scizoo.files.FolderWatcher;
import org.scizoo.files.HarvestedFile;
import org.scizoo.files.IngestedFiles;
import org.scizoo.files.formats.ProdigyXyExtractor;
import org.scizoo.files.formats.SesIgorExtractor;
import org.scizoo.files.formats.SesTextExtractor;
import org.scizoo.tests.support.SharedData;

/**
 * The watcher on a real folder: a file being written is taken only once it is finished, a file renamed
 * into place is taken, nothing is taken twice (across a restart either), files written while it was
 * stopped are caught up, a bad file is recorded with its reason while the others go on, and a tree of
 * two thousand files is handled.
 */
class WatcherTest {

    /**
     * Long enough that a stall of the test's own thread (CI's two cores also run the build) does not pass for
     * a finished write: with 300 ms, a half-written file was once taken as finished, and truncated, on CI.
     */
    private static final Duration QUIET = Duration.ofMillis(1000);
    private static final List<MetadataExtractor> EXTRACTORS = List.of(new SesTextExtractor(), new SesIgorExtractor(),
            new ProdigyXyExtractor());

    @TempDir
    Path dir;

    private final List<HarvestedFile> harvested = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private FolderWatcher watcher(Path data, IngestedFiles done) {
        return new FolderWatcher(data, List.of("*.txt", "*.ibw", "*.xy"), QUIET, Duration.ofMillis(50), done,
                () -> EXTRACTORS, harvested::add, (file, message) -> problems.add(file.getFileName() + ": " + message));
    }

    @Test
    void partialWritesRenamesRestartsAndBadFiles() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/2026/sample-a"));
        Path journal = dir.resolve("state/ingested.tsv");
        byte[] ses = Files.readAllBytes(SharedData.file("scienta/Ag_0001.txt"));
        try (IngestedFiles done = new IngestedFiles(journal)) {
            FolderWatcher w = watcher(dir.resolve("data"), done);
            // written in two halves, with a pause longer than a poll but shorter than the quiet period
            Path growing = data.resolve("Ag_0001.txt");
            try (OutputStream out = Files.newOutputStream(growing)) {
                out.write(ses, 0, ses.length / 2);
                out.flush();
                w.walkOnce();
                Thread.sleep(QUIET.toMillis() / 2);
                w.walkOnce();
                assertEquals(0, harvested.size(), "half a file is not taken");
                out.write(ses, ses.length / 2, ses.length - ses.length / 2);
            }
            w.walkOnce();
            assertEquals(0, harvested.size(), "a file just written waits for the quiet period");
            waitQuiet(w);
            assertEquals(1, harvested.size(), "taken once finished");
            assertEquals(List.of("Ag3d"), harvested.getFirst().metadata().regions());
            assertEquals(64, harvested.getFirst().sha256().length());
            // renamed into place after being written under another name
            Path part = Files.write(data.resolve("Ag_0002.txt.part"),
                    Files.readAllBytes(SharedData.file("scienta/Ag_0002.txt")));
            w.walkOnce();
            Files.move(part, data.resolve("Ag_0002.txt"), StandardCopyOption.ATOMIC_MOVE);
            waitQuiet(w);
            // a bad one beside a good one
            Files.write(data.resolve("broken.txt"), Arrays.copyOf(ses, ses.length / 3));
            Files.copy(SharedData.file("specs/MgFe2O4_small.xy"), data.resolve("MgFe2O4.xy"));
            waitQuiet(w);
            waitQuiet(w);
            assertEquals(List.of("Ag_0001.txt", "Ag_0002.txt", "MgFe2O4.xy"), names(harvested));
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.getFirst().startsWith("broken.txt: Scienta SES text: broken.txt is truncated"),
                    problems.getFirst());
            assertTrue(done.get(data.resolve("broken.txt")).failed());
        }
        // a restart: the journal is read back; nothing is taken again, a file written meanwhile is caught up
        Files.copy(SharedData.file("scienta/Ag_0001Ag__001.ibw"), data.resolve("Ag_0001Ag__001.ibw"));
        Files.setLastModifiedTime(data.resolve("Ag_0001Ag__001.ibw"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        harvested.clear();
        problems.clear();
        try (IngestedFiles done = new IngestedFiles(journal)) {
            assertEquals(4, done.size());
            FolderWatcher w = watcher(dir.resolve("data"), done);
            w.walkOnce();
            assertEquals(List.of("Ag_0001Ag__001.ibw"), names(harvested), "an old file is finished at once");
            waitQuiet(w);
            assertEquals(1, harvested.size(), "nothing twice");
            assertEquals(List.of(), problems, "the bad file is not tried again unchanged");
        }
    }

    @Test
    void twoThousandFilesInATree() throws Exception {
        byte[] ses = Files.readAllBytes(SharedData.file("scienta/Ag_0001.txt"));
        for (int i = 0; i < 2000; i++) {
            Path folder = Files.createDirectories(dir.resolve("data/run" + (i % 20)));
            Files.write(folder.resolve("scan_" + i + ".txt"), ses);
        }
        try (IngestedFiles done = new IngestedFiles(dir.resolve("ingested.tsv"))) {
            FolderWatcher w = watcher(dir.resolve("data"), done);
            long start = System.nanoTime();
            waitQuiet(w);
            waitQuiet(w);
            assertEquals(2000, harvested.size(), "every file once");
            assertEquals(2000, harvested.stream().map(h -> h.file()).distinct().count());
            long ms = (System.nanoTime() - start) / 1_000_000;
            long walk = System.nanoTime();
            w.walkOnce();
            long walkMs = (System.nanoTime() - walk) / 1_000_000;
            assertEquals(2000, harvested.size());
            System.out
                    .println("WatcherTest: 2000 files in " + ms + " ms; a walk over them all, done: " + walkMs + " ms");
        }
    }

    private void waitQuiet(FolderWatcher w) throws IOException, InterruptedException {
        Thread.sleep(QUIET.toMillis() + 50);
        w.walkOnce();
    }

    private static List<String> names(List<HarvestedFile> files) {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.file().getFileName().toString()));
        return names;
    }
}
