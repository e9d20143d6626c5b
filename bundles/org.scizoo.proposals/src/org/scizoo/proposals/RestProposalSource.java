package org.scizoo.proposals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.ProposalSource;

/**
 * The user office (DUO) over REST/JSON: {@code GET <base>/proposals/<id>} with {@code Authorization: Bearer
 * <token>}; 200 with the proposal ({@link ProposalJson}), 404 for none. Answers are kept for a while, and
 * written to an offline folder: when the user office cannot be reached, the last answer is used (said in
 * {@link #lastProblem()}), so scans recorded during an outage still get their proposal.
 */
public final class RestProposalSource implements ProposalSource {

    private record Cached(Optional<Proposal> proposal, Instant at) {
    }

    private final URI base;
    private final String token;
    private final Path offline;
    private final Duration keep;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile String lastProblem;

    /**
     * @param token the bearer token, or null for none
     * @param offline a folder for the offline copies (one JSON file per proposal), or null for none
     * @param keep how long an answer is used before asking again
     */
    public RestProposalSource(URI base, String token, Path offline, Duration keep, Clock clock) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.token = token;
        this.offline = offline;
        this.keep = keep;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public Optional<Proposal> find(String proposalId) throws CatalogException {
        Cached c = cache.get(proposalId);
        if (c != null && c.at().plus(keep).isAfter(clock.instant())) {
            return c.proposal();
        }
        try {
            Optional<Proposal> answer = ask(proposalId);
            cache.put(proposalId, new Cached(answer, clock.instant()));
            lastProblem = null;
            return answer;
        } catch (IOException e) {
            lastProblem = "the user office at " + base + " cannot be reached (" + e.getMessage() + ")";
            Optional<Proposal> kept = c != null ? c.proposal() : readOffline(proposalId);
            if (kept.isPresent()) {
                return kept;
            }
            throw new CatalogException(lastProblem + ", and no copy of proposal " + proposalId + " is kept", e);
        }
    }

    private Optional<Proposal> ask(String proposalId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("proposals/"
                + java.net.URLEncoder.encode(proposalId, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("HTTP " + response.statusCode() + ": the token was refused");
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        Proposal p;
        try {
            p = ProposalJson.parse(response.body(), "the user office's answer for " + proposalId);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        writeOffline(p, response.body());
        return Optional.of(p);
    }

    private void writeOffline(Proposal p, String json) {
        if (offline == null) {
            return;
        }
        try {
            Files.createDirectories(offline);
            Path tmp = offline.resolve(safe(p.proposalId()) + ".json.tmp");
            Files.writeString(tmp, json);
            Files.move(tmp, offline.resolve(safe(p.proposalId()) + ".json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            lastProblem = "cannot keep an offline copy of proposal " + p.proposalId() + ": " + e.getMessage();
        }
    }

    private Optional<Proposal> readOffline(String proposalId) {
        if (offline == null) {
            return Optional.empty();
        }
        Path file = offline.resolve(safe(proposalId) + ".json");
        try {
            return Files.exists(file) ? Optional.of(ProposalJson.parse(Files.readString(file), file.toString()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Why the last look-up used a kept copy, or null when the user office answered. */
    public String lastProblem() {
        return lastProblem;
    }

}
