package org.scizoo.core.ports;

/**
 * The store refused one entry for what it holds (SciCat's validation said no), not for being away: sending
 * it again cannot help, so ingestion sets it aside (SciCow: the dead-letter topic, with this message) and
 * goes on with the others. The entries of the same write before it were stored.
 */
public class RejectedEntryException extends CatalogException {
    private static final long serialVersionUID = 1L;

    private final String datasetPid;

    public RejectedEntryException(String datasetPid, String message) {
        super(message);
        this.datasetPid = datasetPid;
    }

    /** The pid of the dataset whose entry was refused. */
    public String datasetPid() {
        return datasetPid;
    }
}
