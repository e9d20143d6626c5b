package org.scizoo.core.ports;

import java.util.Optional;

import org.scizoo.core.model.Proposal;

/** The user office (DUO): who is on the beamline and under which proposal. */
public interface ProposalSource {

    Optional<Proposal> find(String proposalId) throws CatalogException;
}
