package org.scizoo.core.model;

import java.time.Instant;

/**
 * A dataset's {@code datasetlifecycle}, as SciCat's archive system keeps it ({@code src/datasets/schemas/
 * lifecycle.schema.ts}): whether it can be archived or retrieved, the archive's and the retrieval's state
 * messages, whether it is still on the central disk and when it leaves it. Read only: SciCat's archive jobs
 * write it. Times and messages may be null where SciCat has none.
 */
public record Lifecycle(boolean archivable, boolean retrievable, boolean publishable, boolean onCentralDisk,
        String archiveStatusMessage, String retrieveStatusMessage, Instant dateOfDiskPurging,
        Instant archiveRetentionTime, Instant dateOfPublishing, String exportedTo, String storageLocation) {

    /** SciCat's state words as a person reads them: {@code datasetOnArchiveDisk} → "dataset on archive disk". */
    public static String words(String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        return status.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** One line on where the data is: "archive: …; retrieval: …". */
    public String summary() {
        String archive = words(archiveStatusMessage);
        String retrieve = words(retrieveStatusMessage);
        return "archive: " + (archive.isEmpty() ? "no state" : archive) + "; retrieval: "
                + (retrieve.isEmpty() ? "none asked" : retrieve);
    }
}
