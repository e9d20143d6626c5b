package org.scizoo.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.DatasetType;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.Scan;
import org.scizoo.core.scicat.Pids;

/**
 * Turns an ended {@link Scan} into the SciCat dataset and datablock that describe it. The pid is derived
 * from instrument, scan id and start time, so the same scan always maps to the same dataset.
 */
public final class DatasetFactory {

    /** Keys this factory adds to {@code scientificMetadata} next to the harvested ones. */
    public static final String KEY_SCAN_ID = "scan_id";
    public static final String KEY_COMMAND = "scan_command";
    public static final String KEY_DETECTORS = "detectors";
    public static final String KEY_DATA_FILE = "data_file";

    private final String pidPrefix;

    public DatasetFactory(String pidPrefix) {
        this.pidPrefix = pidPrefix;
    }

    public CatalogEntry create(Scan scan, Optional<Proposal> proposal, Instant now) {
        String pid = Pids.scanPid(pidPrefix, scan.instrument(), scan.scanId(), scan.startTime());
        String folder = scan.dataFolder() == null ? "" : scan.dataFolder();
        List<DataFile> files = new ArrayList<>();
        String chkAlg = null;
        long size = 0;
        if (scan.dataFile() != null && !scan.dataFile().isBlank()) {
            Path p = Path.of(folder).resolve(scan.dataFile());
            long fileSize = sizeIfPresent(p);
            size += fileSize;
            // "sha256:<hex>": SciCat keeps the algorithm on the datablock (chkAlg), the hash on the file (chk)
            MetadataValue chk = scan.metadata().get(MetadataKeys.DATA_FILE_CHECKSUM);
            String[] algAndHash = chk == null ? null : String.valueOf(chk.value()).split(":", 2);
            if (algAndHash != null && algAndHash.length == 2) {
                chkAlg = algAndHash[0];
            }
            files.add(new DataFile(scan.dataFile(), fileSize, scan.endTime() == null ? now : scan.endTime(),
                    algAndHash == null ? null : algAndHash[algAndHash.length - 1]));
        }
        String piEmail = proposal.map(Proposal::piEmail).orElse(scan.user());
        String owner = proposal.map(Proposal::piName).filter(s -> !s.isBlank()).orElse(scan.user());
        // the user office's groups when it knows the proposal; else the proposal's id, or the beamline's
        String group = proposal.map(Proposal::ownerGroup).filter(g -> !g.isBlank())
                .orElse(scan.proposalId() == null ? scan.instrument() : scan.proposalId());
        List<String> access = new ArrayList<>(List.of(scan.instrument()));
        proposal.ifPresent(p -> p.accessGroups().stream().filter(g -> !access.contains(g)).forEach(access::add));
        var b = Dataset.builder().pid(pid).type(DatasetType.RAW)
                .owner(owner == null ? "unknown" : owner)
                .contactEmail(piEmail == null ? "unknown" : piEmail)
                .ownerEmail(piEmail)
                .sourceFolder(folder)
                .size(size).numberOfFiles(files.size())
                .creationTime(scan.endTime() == null ? now : scan.endTime())
                .datasetName(scan.instrument() + " scan " + scan.scanId())
                .description(scan.command())
                .ownerGroup(group)
                .accessGroups(access)
                .principalInvestigators(piEmail == null ? List.of() : List.of(piEmail))
                .proposalIds(scan.proposalId() == null ? List.of() : List.of(scan.proposalId()))
                .instrumentIds(List.of(scan.instrument()))
                .keywords(keywords(scan))
                .startTime(scan.startTime()).endTime(scan.endTime())
                .creationLocation(scan.instrument())
                .dataFormat(format(scan))
                .runNumber(Long.toString(scan.scanId()))
                .createdBy("scizoo-ingest").createdAt(now);
        b.metadata(KEY_SCAN_ID, MetadataValue.of(scan.scanId()));
        b.metadata(KEY_COMMAND, MetadataValue.of(scan.command()));
        b.metadata(KEY_DETECTORS, MetadataValue.of(scan.detectors()));
        if (scan.dataFile() != null) {
            b.metadata(KEY_DATA_FILE, MetadataValue.of(scan.dataFile()));
        }
        scan.metadata().forEach(b::metadata);
        Dataset dataset = b.build();
        List<OrigDatablock> blocks = files.isEmpty() ? List.of()
                : List.of(new OrigDatablock(pid + "/orig-0", pid, size, chkAlg, group, dataset.accessGroups(), files));
        return new CatalogEntry(dataset, blocks);
    }

    private static List<String> keywords(Scan scan) {
        List<String> k = new ArrayList<>();
        k.add(scan.instrument());
        if (scan.command() != null && !scan.command().isBlank()) {
            k.add(scan.command().strip().split("\\s+")[0]);
        }
        return k;
    }

    private static String format(Scan scan) {
        MetadataValue named = scan.metadata().get(MetadataKeys.FILE_FORMAT);
        if (named != null) {
            return String.valueOf(named.value());
        }
        String file = scan.dataFile();
        if (file == null) {
            return null;
        }
        String f = file.toLowerCase(java.util.Locale.ROOT);
        return f.endsWith(".h5") || f.endsWith(".hdf5") || f.endsWith(".nxs") ? "NeXus/HDF5" : null;
    }

    /** The file's size if this machine sees it (a control-room PC often does not), else 0. */
    private static long sizeIfPresent(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (java.io.IOException | SecurityException e) {
            return 0;
        }
    }
}
