package org.scizoo.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Scan;
import org.scizoo.core.model.TimeZones;
import org.scizoo.core.ports.MetadataExtractor;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;
import org.scizoo.core.ports.ScanListener;

/**
 * SciFly as a scan source (kind {@code files}): each finished analyser file in a watched folder becomes a
 * scan, ended when the file was closed, with its header as metadata. Options: {@code folder} (required),
 * {@code patterns} (comma-separated globs; default: what the extractors support), {@code quiet} (ms a file
 * must stay unchanged, default 2000), {@code poll} (ms, default 500), {@code journal} (the file of files
 * done; default {@code <folder>/.scifly-ingested.tsv}), {@code instrument}, {@code proposal}, {@code zone} (the
 * instrument computer's time zone, for formats that write local times; default this machine's). Extractors are
 * every {@link MetadataExtractor} service, a beamline's own included.
 */
@Component(service = ScanEventSourceFactory.class)
public class FilesSourceFactory implements ScanEventSourceFactory {

    private final List<MetadataExtractor> extractors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtractor(MetadataExtractor e) {
        extractors.add(e);
    }

    void removeExtractor(MetadataExtractor e) {
        extractors.remove(e);
    }

    @Override
    public String kind() {
        return "files";
    }

    @Override
    public ScanEventSource create(Map<String, String> options) {
        String folder = options.get("folder");
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("the files source needs a folder");
        }
        Path root = Path.of(folder).toAbsolutePath().normalize();
        List<String> patterns = options.getOrDefault("patterns", "").isBlank() ? List.of()
                : Arrays.stream(options.get("patterns").split(",")).map(String::strip).toList();
        Duration quiet = Duration.ofMillis(Long.parseLong(options.getOrDefault("quiet", "2000")));
        Duration poll = Duration.ofMillis(Long.parseLong(options.getOrDefault("poll", "500")));
        Path journal = Path.of(options.getOrDefault("journal", root.resolve(".scifly-ingested.tsv").toString()));
        String instrument = options.getOrDefault("instrument", "scifly");
        String proposal = options.get("proposal");
        ZoneId clocks = options.containsKey("zone") ? TimeZones.parse(options.get("zone")) : ZoneId.systemDefault();
        return new ScanEventSource() {
            private FolderWatcher watcher;
            private IngestedFiles done;

            @Override
            public String name() {
                return "SciFly " + root;
            }

            @Override
            public void start(ScanListener listener) {
                try {
                    done = new IngestedFiles(journal);
                } catch (IOException e) {
                    // nothing is watched without it: down until the session is started again
                    listener.sourceDown(name(), "cannot open the journal " + journal + ": " + e.getMessage(), e);
                    return;
                }
                watcher = new FolderWatcher(root, patterns, quiet, poll, done, () -> extractors,
                        file -> listener.scanEnded(scan(file, root, instrument, proposal)),
                        (file, message) -> listener.sourceProblem(name(), file + ": " + message, null));
                watcher.clocks(clocks);
                watcher.onFolderState(down -> {
                    if (down != null) {
                        listener.sourceDown(name(), down, null);
                    } else {
                        listener.sourceUp(name(), "the folder can be walked again");
                    }
                });
                watcher.start();
            }

            @Override
            public void close() {
                if (watcher != null) {
                    watcher.close();
                }
                try {
                    if (done != null) {
                        done.close();
                    }
                } catch (IOException e) {
                    // the journal is flushed after every line: nothing is lost
                }
            }
        };
    }

    /**
     * The scan a file makes: its id is a stable hash of its path (the dataset's pid comes from it and the
     * acquisition start, so a file catalogued again updates its dataset instead of adding one).
     */
    public static Scan scan(HarvestedFile file, Path root, String instrument, String proposal) {
        FileMetadata m = file.metadata();
        long id = UUID.nameUUIDFromBytes(file.file().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getMostSignificantBits() & Long.MAX_VALUE;
        Map<String, MetadataValue> metadata = new LinkedHashMap<>(m.metadata());
        metadata.put(MetadataKeys.FILE_FORMAT, MetadataValue.of(m.format()));
        metadata.put(MetadataKeys.DATA_FILE_CHECKSUM, MetadataValue.of("sha256:" + file.sha256()));
        if (m.sample() != null) {
            metadata.putIfAbsent("sample", MetadataValue.of(m.sample()));
        }
        if (!m.regions().isEmpty()) {
            metadata.put("regions", MetadataValue.of(new ArrayList<Object>(m.regions())));
        }
        String relative = root.relativize(file.file()).toString();
        return new Scan(instrument, id, m.format() + " " + relative, List.of(m.format()),
                file.file().getParent().toString(), file.file().getFileName().toString(),
                m.startTime() != null ? m.startTime() : file.modified(), file.modified(), proposal, m.user(), metadata);
    }
}
