package org.scizoo.ingest.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.core.ports.MetadataTransport;
import org.scizoo.core.ports.ProposalSource;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.ingest.DatasetFactory;

/**
 * Listens to the scan sources and publishes one catalogue entry per ended scan. Proposals are looked up
 * once from the user office and written to the store the first time they are seen.
 */
final class ScanIngestor implements ScanListener {

    /** Where the sources' and the ingestor's problems go: the session's status. */
    interface Reports {
        void problem(String source, String message);

        void down(String source, String message);

        void up(String source, String message);
    }

    private static final System.Logger LOG = System.getLogger(ScanIngestor.class.getName());

    private final DatasetFactory factory;
    private final MetadataTransport transport;
    private final CatalogStore store;
    private final Supplier<List<ProposalSource>> proposalSources;
    private final Reports reports;
    private final Clock clock;
    private final Supplier<Optional<DeviceReader>> readers;
    private final Map<String, Optional<Proposal>> proposals = new ConcurrentHashMap<>();
    // Start values are kept by ScanHarvest between a scan's start and end: one per reader.
    private volatile ScanHarvest scanHarvest;
    private volatile DeviceReader scanHarvestReader;

    ScanIngestor(DatasetFactory factory, MetadataTransport transport, CatalogStore store,
            Supplier<List<ProposalSource>> proposalSources, Supplier<Optional<DeviceReader>> readers,
            Reports reports, Clock clock) {
        this.factory = factory;
        this.transport = transport;
        this.store = store;
        this.proposalSources = proposalSources;
        this.reports = reports;
        this.clock = clock;
        this.readers = readers;
    }

    @Override
    public void scanStarted(Scan scan) {
        Optional<ScanHarvest> harvest = harvest();
        if (harvest.isPresent()) {
            try {
                harvest.get().started(scan);
            } catch (CatalogException | RuntimeException e) {
                reports.problem(scan.instrument(),
                        "scan " + scan.scanId() + ": start harvest failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void scanEnded(Scan scan) {
        Scan recorded = scan;
        Optional<ScanHarvest> harvest = harvest();
        if (harvest.isPresent()) {
            try {
                recorded = harvest.get().ended(scan);
            } catch (CatalogException | RuntimeException e) {
                // the scan is recorded without the harvested values rather than not at all
                reports.problem(scan.instrument(), "scan " + scan.scanId() + ": end harvest failed: " + e.getMessage());
            }
        }
        try {
            transport.publish(factory.create(recorded, proposal(scan.proposalId()), clock.instant()));
        } catch (CatalogException | RuntimeException e) {
            reports.problem(scan.instrument(), "scan " + scan.scanId() + " not recorded: " + e.getMessage());
        }
    }

    /** Harvesting needs a device reader (Tango); without one scans are recorded with their own metadata. */
    private Optional<ScanHarvest> harvest() {
        Optional<DeviceReader> reader = readers.get();
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        if (scanHarvest == null || scanHarvestReader != reader.get()) {
            scanHarvest = new ScanHarvest(store.configs(), reader.get());
            scanHarvestReader = reader.get();
        }
        return Optional.of(scanHarvest);
    }

    @Override
    public void sourceProblem(String source, String message, Throwable cause) {
        // The problem reaches people through the status (the workbench's status bar, `scizoo ingest`'s
        // stderr, the health endpoint), like every other ingestion problem; a WARNING here printed it a
        // second time on the console, with the whole stack of a refused connection. The stack is for
        // whoever turns debugging on.
        LOG.log(System.Logger.Level.DEBUG, source + ": " + message, cause);
        reports.problem(source, message);
    }

    @Override
    public void sourceDown(String source, String message, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, source + " down: " + message, cause);
        reports.down(source, message);
    }

    @Override
    public void sourceUp(String source, String message) {
        reports.up(source, message);
    }

    private Optional<Proposal> proposal(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return proposals.computeIfAbsent(id, this::lookUp);
    }

    private Optional<Proposal> lookUp(String id) {
        for (ProposalSource source : proposalSources.get()) {
            try {
                Optional<Proposal> p = source.find(id);
                if (p.isPresent()) {
                    store.upsertProposal(p.get());
                    return p;
                }
            } catch (CatalogException | RuntimeException e) {
                reports.problem("proposals", "proposal " + id + ": " + e.getMessage());
            }
        }
        try {
            return store.findProposal(id);
        } catch (CatalogException e) {
            return Optional.empty();
        }
    }
}
