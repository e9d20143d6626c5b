package org.scizoo.source.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.ProposalSource;

/**
 * The user office (DUO) of the simulated beamline: one proposal, its PI and its beamtime. Ranked low, so
 * that a real user office (`--user-office`, `--proposals-file`) is asked first, also for this proposal's id.
 */
@Component(service = ProposalSource.class, property = "service.ranking:Integer=-100")
public class SimulatedUserOffice implements ProposalSource {

    public static final String PROPOSAL_ID = "20250042";
    public static final String PI_EMAIL = "ada.lovelace@example.org";

    private static final Proposal PROPOSAL = new Proposal(PROPOSAL_ID,
            "Hydration shells of globular proteins by SAXS", PI_EMAIL, "Ada", "Lovelace", PI_EMAIL, PROPOSAL_ID,
            List.of(SimulatedBeamline.INSTRUMENT),
            "Simulated proposal of the SciZoo demo beamline: solution scattering of proteins at 12.4 keV.",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    @Override
    public Optional<Proposal> find(String proposalId) {
        return PROPOSAL_ID.equals(proposalId) ? Optional.of(PROPOSAL) : Optional.empty();
    }
}
