package org.scizoo.core.ports;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Opens a {@link CatalogStore} for given settings (an OSGi service). */
public interface CatalogStoreProvider {

    /**
     * Opens and checks the store: returns only once it answered a ping.
     *
     * @throws CatalogException with a user-facing message when the folder is unusable, the embedded
     *             file is corrupt or locked, or the MongoDB URI is invalid or unreachable
     */
    CatalogStore open(BackendSettings settings) throws CatalogException;

    /**
     * {@link #open(BackendSettings)}, telling {@code progress} (in words for a status line, on the calling
     * thread) how far long work done while opening has come, such as a catalogue indexed once when first
     * opened by a newer version. Stores that never do such work just open.
     */
    default CatalogStore open(BackendSettings settings, Consumer<String> progress) throws CatalogException {
        return open(settings);
    }

    /**
     * {@link #open(BackendSettings, Consumer)}, giving up long work done while opening once {@code stopAsked}
     * says true (asked now and then, on the calling thread), so that a stop does not wait a minute for an
     * index build: the opening then fails, and the work is done again at the next opening. Stores that never
     * do such work just open.
     */
    default CatalogStore open(BackendSettings settings, Consumer<String> progress, BooleanSupplier stopAsked)
            throws CatalogException {
        return open(settings, progress);
    }

    /**
     * {@link #open(BackendSettings, Consumer)} for those who only read (listing, exporting): a data folder
     * without a catalogue is an error, where {@code open} would make a new, empty catalogue there, so that a
     * mistyped {@code --data} would answer "0 datasets" instead of "no catalogue here".
     */
    default CatalogStore openExisting(BackendSettings settings, Consumer<String> progress) throws CatalogException {
        return open(settings, progress);
    }
}
