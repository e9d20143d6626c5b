package org.scizoo.core.model;

import java.util.List;
import java.util.Objects;

/** SciCat's {@code OrigDatablock}: the files of a dataset, as they were when recorded. */
public record OrigDatablock(String id, String datasetId, long size, String chkAlg, String ownerGroup,
        List<String> accessGroups, List<DataFile> dataFileList) {

    public OrigDatablock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        accessGroups = accessGroups == null ? List.of() : List.copyOf(accessGroups);
        dataFileList = dataFileList == null ? List.of() : List.copyOf(dataFileList);
    }
}
