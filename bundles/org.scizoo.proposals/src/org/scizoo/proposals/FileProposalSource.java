package org.scizoo.proposals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.ProposalSource;

/**
 * Proposals from a JSON file, for facilities without a user-office API: {@code {"proposals": [ … ]}} with
 * each proposal as the REST API gives it ({@link ProposalJson}). Read again when the file changes.
 */
public final class FileProposalSource implements ProposalSource {

    private final Path file;
    private Map<String, Proposal> proposals = Map.of();
    private long readAt = -1;

    public FileProposalSource(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<Proposal> find(String proposalId) throws CatalogException {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (modified != readAt) {
                proposals = read();
                readAt = modified;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogException("the proposals file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return Optional.ofNullable(proposals.get(proposalId));
    }

    private Map<String, Proposal> read() throws IOException {
        Document root;
        try {
            root = Document.parse(Files.readString(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!(root.get("proposals") instanceof List<?> list)) {
            throw new IllegalArgumentException("no \"proposals\" list");
        }
        Map<String, Proposal> read = new LinkedHashMap<>();
        int i = 0;
        for (Object o : list) {
            if (!(o instanceof Document d)) {
                throw new IllegalArgumentException("proposal " + i + " is no object");
            }
            Proposal p = ProposalJson.of(d, "proposal " + i);
            read.put(p.proposalId(), p);
            i++;
        }
        return read;
    }
}
