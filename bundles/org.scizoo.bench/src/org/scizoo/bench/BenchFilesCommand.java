package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.files.FilesSourceFactory;
import org.scizoo.files.FolderWatcher;
import org.scizoo.files.HarvestedFile;
import org.scizoo.files.formats.SesTextExtractor;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.ingest.DatasetFactory;

/**
 * {@code scizoo bench-files}, run by {@code ./scizoo bench files}: SciFly's whole path — N small Scienta SES
 * text files written into a watched folder while ingestion runs (the files source, the pipeline, the
 * embedded store) — as files/s and the p50/p99 time from a file closed to its dataset stored. Baseline in
 * the same run: reading the same files' headers and checksums alone, one after the other (what the
 * pipeline cannot beat).
 */
@Component(service = CliCommand.class)
public class BenchFilesCommand implements CliCommand {

    private final CatalogService catalog;
    private final CatalogStoreProvider stores;

    @Activate
    public BenchFilesCommand(@Reference CatalogService catalog, @Reference CatalogStoreProvider stores) {
        this.catalog = catalog;
        this.stores = stores;
    }

    @Override
    public String name() {
        return "bench-files";
    }

    @Override
    public String summary() {
        return "benchmark: SciFly files/s and p99 file-closed-to-stored (see ./scizoo bench files)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-files --dir DIR [--count N] [--quiet-period T] [--rate R]

                Writes N (default 10000) small SES text files into DIR/watched while `ingest --watch` runs into a
                fresh embedded store in DIR/store, and prints files/s and p50/p99 from close to stored; then
                reads the same files' headers and checksums alone, and writes their datasets to a fresh store
                alone, as the baselines. --rate R writes R files a second (default: as fast as it can).""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("dir", "count", "quiet-period", "rate"), Set.of());
        if (args.value("dir") == null) {
            throw new UsageException("--dir DIR is needed");
        }
        Path dir = Path.of(args.value("dir"));
        int count = args.intValue("count", 10_000, 1);
        int rate = args.intValue("rate", 0, 0); // files a second; 0: as fast as they can be written
        long quiet = args.duration("quiet-period", java.time.Duration.ofMillis(200)).toMillis();
        Path watched = dir.resolve("watched");
        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastStored = new AtomicLong();
        try {
            Files.createDirectories(watched);
            Files.createDirectories(dir.resolve("store"));
            try (AutoCloseable l = catalog.onDatasets(batch -> {
                long now = System.currentTimeMillis();
                for (Dataset d : batch) {
                    MetadataValue file = d.metadata("data_file");
                    Long closed = file == null ? null : closedAt.get(String.valueOf(file.value()));
                    if (closed != null) {
                        latencies.add(now - closed);
                        lastStored.set(now);
                    }
                }
            })) {
                catalog.start(BackendSettings.embedded(dir.resolve("store")), new IngestOptions(List.of(
                        new IngestOptions.SourceSpec("files", Map.of("folder", watched.toString(), "quiet",
                                Long.toString(quiet), "poll", Long.toString(Math.max(20, quiet / 4)), "journal",
                                dir.resolve("ingested.tsv").toString(), "instrument", "bench-xps")))));
                long start = System.currentTimeMillis();
                for (int i = 0; i < count; i++) {
                    String name = "scan_" + i + ".txt";
                    Path folder = watched.resolve("run" + (i / 500));
                    Files.createDirectories(folder);
                    Files.writeString(folder.resolve(name), sesText(i), StandardCharsets.ISO_8859_1);
                    closedAt.put(name, System.currentTimeMillis());
                    long due = start + (rate == 0 ? 0 : (i + 1) * 1000L / rate);
                    if (due > System.currentTimeMillis()) {
                        Thread.sleep(due - System.currentTimeMillis());
                    }
                }
                long written = System.currentTimeMillis();
                long deadline = written + 600_000;
                while (latencies.size() < count && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                catalog.stop();
                if (latencies.size() < count) {
                    err.println("bench-files: only " + latencies.size() + " of " + count + " stored in 10 minutes");
                    return FAILED;
                }
                double seconds = (lastStored.get() - start) / 1000.0;
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                out.printf("SciFly: %d files written in %.1f s%s, all stored after %.1f s: %.0f files/s%n", count,
                        (written - start) / 1000.0, rate == 0 ? "" : " (" + rate + " a second)", seconds,
                        count / seconds);
                out.printf("  closed → stored: p50 %d ms, p99 %d ms, max %d ms (quiet period %d ms: a file counts as"
                        + " finished once unchanged that long)%n", sorted[sorted.length / 2],
                        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                        sorted[sorted.length - 1], quiet);
                baseline(watched, count, seconds, out);
                storeCeiling(watched, dir.resolve("ceiling"), count, seconds, out);
                return OK;
            }
        } catch (Exception e) {
            err.println("bench-files: " + e.getMessage());
            return FAILED;
        }
    }

    private static void baseline(Path watched, int count, double pipelineSeconds, PrintStream out) throws IOException {
        SesTextExtractor extractor = new SesTextExtractor();
        long start = System.nanoTime();
        try (var files = Files.walk(watched)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                extractor.extract(f);
                FolderWatcher.sha256(f); // as the watcher does
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("baseline: the same %d headers read and checksummed alone, one by one: %.0f files/s; the whole"
                + " path runs at %.0f%% of it%n", count, count / seconds,
                100 * (count / pipelineSeconds) / (count / seconds));
    }

    /**
     * The second baseline: the same files' datasets made up front and written to a fresh embedded store in
     * batches of 500 (the in-process transport's batch), with no watcher: what the store itself takes.
     */
    private void storeCeiling(Path watched, Path store, int count, double pipelineSeconds, PrintStream out)
            throws IOException, CatalogException {
        SesTextExtractor extractor = new SesTextExtractor();
        DatasetFactory factory = new DatasetFactory(null);
        List<CatalogEntry> entries = new ArrayList<>();
        try (var files = Files.walk(watched)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                HarvestedFile h = new HarvestedFile(f, extractor.extract(f), Files.size(f), Instant.now(), "0",
                        Instant.now());
                entries.add(factory.create(FilesSourceFactory.scan(h, watched, "bench-xps", null), Optional.empty(),
                        Instant.now()));
            }
        }
        Files.createDirectories(store);
        try (CatalogStore s = stores.open(BackendSettings.embedded(store))) {
            long start = System.nanoTime();
            for (int i = 0; i < entries.size(); i += 500) {
                s.upsert(entries.subList(i, Math.min(entries.size(), i + 500)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    "baseline: the store alone, the same %d datasets (and datablocks) in batches of 500: %.0f files/s;"
                            + " the whole path runs at %.0f%% of it%n",
                    entries.size(), entries.size() / seconds,
                    100 * (count / pipelineSeconds) / (entries.size() / seconds));
        }
    }

    /** A small SES text export: one region of 50 points, with the keys SES writes. */
    static String sesText(int i) {
        StringBuilder data = new StringBuilder();
        for (int k = 0; k < 50; k++) {
            data.append(String.format(java.util.Locale.ROOT, " %.5f  %.5f%n", 382 - k * 0.05, 15 + Math.sin(k + i)));
        }
        return """
                [Info]
                Number of Regions=0001
                Version=1.3.1

                [Region 1]
                Region Name=Ag3d
                Dimension 1 name=Binding Energy [eV]
                Dimension 1 size=50

                [Info 1]
                Region Name=Ag3d
                Lens Mode=Transmission
                Pass Energy=%d
                Number of Sweeps=2
                Excitation Energy=520
                Energy Scale=Binding
                Acquisition Mode=Swept
                Energy Step=0.05
                Step Time=203
                Spectrum Name=scan_%d
                Instrument=R3000
                User=bench
                Sample=Ag %d
                Date=2026-11-21
                Time=10:%02d:%02d

                [Data 1]
                %s""".formatted(i % 2 == 0 ? 50 : 20, i, i % 7, (i / 60) % 60, i % 60, data);
    }
}
