package org.scizoo.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.ports.MetadataExtractor;

/**
 * SciFly's watcher: walks a folder tree every poll, and hands on each file that matches a pattern, has an
 * extractor, and is finished — its size and modification time unchanged for the quiet period — once.
 * Files written while it was not running are found by the first walk. A file that cannot be read is
 * recorded with its reason and not tried again until it changes; the others go on. A walk over thousands
 * of files reads only their attributes.
 */
public final class FolderWatcher implements AutoCloseable {

    /** The last stamp seen of a file not yet done, and since when it has been so. */
    private record Seen(long size, long modifiedMillis, long sinceNanos) {
    }

    private final Path root;
    private final List<PathMatcher> patterns;
    private final Duration quiet;
    private final Duration poll;
    /** Time spent reading files handed on during the current walk (the watcher's thread only). */
    private long harvestNanos;
    private final IngestedFiles done;
    private final Supplier<List<MetadataExtractor>> extractors;
    private final Consumer<HarvestedFile> out;
    private final BiConsumer<Path, String> problems;
    private final Map<Path, Seen> pending = new HashMap<>();
    /** Told once when walks start failing (the folder is gone: an unmounted share), and null once they work again. */
    private volatile Consumer<String> folderState;
    /** The time zone of the instrument computer's clocks, for formats that write local times (SES). */
    private volatile ZoneId clocks = ZoneId.systemDefault();
    private boolean walksFailing;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param patterns globs matched against file names ("*.txt", "*.xy"); empty: every file an extractor supports
     * @param out called on the watcher's thread; when it throws, the file is not recorded and is offered again
     */
    public FolderWatcher(Path root, List<String> patterns, Duration quiet, Duration poll, IngestedFiles done,
            Supplier<List<MetadataExtractor>> extractors, Consumer<HarvestedFile> out,
            BiConsumer<Path, String> problems) {
        this.root = root.toAbsolutePath().normalize();
        this.patterns = patterns.stream().map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
        this.quiet = quiet;
        this.poll = poll;
        this.done = done;
        this.extractors = extractors;
        this.out = out;
        this.problems = problems;
        this.folderState = message -> {
            if (message != null) {
                problems.accept(this.root, message);
            }
        };
    }

    /**
     * Where to say that the folder cannot be walked (once, with why) and that it can again (once, null),
     * instead of reporting the failure as a problem of the folder. Set it before {@link #start()}.
     */
    public void onFolderState(Consumer<String> state) {
        this.folderState = state;
    }

    /** The instrument computer's time zone, when it is not this machine's. Set it before {@link #start()}. */
    public void clocks(ZoneId zone) {
        this.clocks = zone;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, "scifly " + root);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long start = System.nanoTime();
            try {
                walkOnce();
                if (walksFailing) {
                    walksFailing = false;
                    folderState.accept(null);
                }
            } catch (IOException | RuntimeException e) {
                if (!walksFailing) {
                    walksFailing = true; // said once, not at every poll while the folder is away
                    folderState.accept("cannot walk " + root + ": " + e.getMessage());
                }
            }
            // a big tree is walked less often: at most a fifth of the time goes to walking. Reading the files
            // handed on is not walking: counted in, a walk that took in 2,000 new files made the watcher
            // sleep four times as long before it looked again.
            long walked = (System.nanoTime() - start - harvestNanos) / 1_000_000;
            harvestNanos = 0;
            long rest = Math.max(poll.toMillis(), 5 * walked) - walked;
            try {
                Thread.sleep(Math.max(10, rest));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One walk: notes new and changed files, hands on those quiet long enough. Public for tests. */
    public void walkOnce() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no such folder (unmounted, moved or deleted?)");
        }
        long now = System.nanoTime();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (running || thread == null) {
                    consider(file, a.size(), a.lastModifiedTime().toMillis(), now);
                }
                return running || thread == null ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone between listing and reading (a rename): seen next walk
            }
        });
        pending.keySet().removeIf(p -> !Files.exists(p));
    }

    private void consider(Path file, long size, long modified, long now) {
        if (!matches(file) || done.isDone(file, size, modified)) {
            return;
        }
        MetadataExtractor extractor = extractorFor(file);
        if (extractor == null) {
            return;
        }
        Seen seen = pending.get(file);
        if (seen == null || seen.size() != size || seen.modifiedMillis() != modified) {
            // new or still being written: wait for it to be quiet (a file older than that is quiet already)
            long age = System.currentTimeMillis() - modified;
            long since = age >= quiet.toMillis() && seen == null ? now - quiet.toNanos() : now;
            seen = new Seen(size, modified, since);
            pending.put(file, seen);
        }
        if (now - seen.sinceNanos() >= quiet.toNanos()) {
            pending.remove(file);
            harvest(file, size, modified, extractor);
        }
    }

    private void harvest(Path file, long size, long modified, MetadataExtractor extractor) {
        long start = System.nanoTime();
        try {
            harvestOne(file, size, modified, extractor);
        } finally {
            harvestNanos += System.nanoTime() - start;
        }
    }

    private void harvestOne(Path file, long size, long modified, MetadataExtractor extractor) {
        Instant closedAt = Instant.ofEpochMilli(modified);
        FileMetadata metadata;
        String sha;
        try {
            metadata = extractor.extract(file, clocks);
            sha = sha256(file);
        } catch (IOException | RuntimeException e) {
            String message = extractor.format() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            problems.accept(file, message);
            record(new IngestedFiles.Done(file.toString(), size, modified, null, message));
            return;
        }
        out.accept(new HarvestedFile(file, metadata, size, closedAt, sha, closedAt));
        record(new IngestedFiles.Done(file.toString(), size, modified, sha, null));
    }

    private void record(IngestedFiles.Done d) {
        try {
            done.record(d);
        } catch (IOException e) {
            problems.accept(root, "cannot write the journal of files done: " + e.getMessage());
        }
    }

    private boolean matches(Path file) {
        if (patterns.isEmpty()) {
            return true;
        }
        Path name = file.getFileName();
        return patterns.stream().anyMatch(p -> p.matches(name));
    }

    private MetadataExtractor extractorFor(Path file) {
        for (MetadataExtractor e : extractors.get()) {
            if (e.supports(file)) {
                return e;
            }
        }
        return null;
    }

    /** A file's SHA-256, hex, read in 64 kB pieces. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
