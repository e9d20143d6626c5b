package org.scizoo.jupyter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;

/**
 * What a notebook says of one dataset: its pid, name, proposals, time, scientific metadata and the paths of
 * its files (each datablock's file in the dataset's source folder, as SciCat names them).
 */
public record NotebookDataset(String pid, String datasetName, List<String> proposalIds, Instant creationTime,
        String sourceFolder, List<String> files, Map<String, MetadataValue> scientificMetadata) {

    public NotebookDataset {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(creationTime, "creationTime");
        proposalIds = List.copyOf(proposalIds);
        files = List.copyOf(files);
        scientificMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(scientificMetadata));
    }

    public static NotebookDataset of(Dataset d, List<OrigDatablock> datablocks) {
        List<String> files = new ArrayList<>();
        for (OrigDatablock b : datablocks) {
            for (DataFile f : b.dataFileList()) {
                String path = d.sourceFolder().isBlank() ? f.path()
                        : Path.of(d.sourceFolder()).resolve(f.path()).toString();
                if (!files.contains(path)) {
                    files.add(path);
                }
            }
        }
        return new NotebookDataset(d.pid(), d.datasetName(), d.proposalIds(), d.creationTime(), d.sourceFolder(),
                files, d.scientificMetadata());
    }
}
