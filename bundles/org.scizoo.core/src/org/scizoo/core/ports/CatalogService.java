package org.scizoo.core.ports;

import java.util.List;
import java.util.function.Consumer;

import org.scizoo.core.model.Dataset;

/**
 * The session with the catalogue, an always-present OSGi service: it opens the store, runs the
 * configured scan sources into it, and tells listeners about status changes and newly stored datasets.
 * Views hold on to this service, never to a store or a connector that may come and go.
 * Listeners are called on a background thread; UI code must hop to the display thread itself.
 */
public interface CatalogService {

    /** Opens the store (blocking, so call it from a job) and starts the sources. Restarts if running. */
    void start(BackendSettings settings, IngestOptions options) throws CatalogException;

    /**
     * Stops the sources, delivers what is pending if it can, closes the store. A {@link #start} in progress on
     * another thread gives up the long work of opening (a catalogue indexed once) and fails, rather than keep
     * this call waiting for it; a start that has done that work is waited for, then stopped.
     */
    void stop();

    BackendStatus status();

    /** The open store. @throws CatalogException when none is open (with the reason it is not) */
    CatalogStore store() throws CatalogException;

    AutoCloseable onStatus(Consumer<BackendStatus> listener);

    /** Datasets as they are stored by this session, in the order stored. */
    AutoCloseable onDatasets(Consumer<List<Dataset>> listener);
}
