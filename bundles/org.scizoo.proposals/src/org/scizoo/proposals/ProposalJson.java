package org.scizoo.proposals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.scizoo.core.model.Proposal;

/**
 * A proposal as the user office's API gives it (documented in docs/user-guide.md, SciFly):
 * <pre>{"proposalId": "20250042", "title": "…", "pi": {"email": "…", "firstname": "…", "lastname": "…"},
 *  "members": ["user@…", …], "ownerGroup": "…", "groups": ["…"], "startTime": "…", "endTime": "…"}</pre>
 * The owner group defaults to the proposal id; the access groups are the groups and the members (SciCat
 * grants access by group, and a member's account is a group of one).
 */
final class ProposalJson {

    private ProposalJson() {
    }

    static Proposal parse(String json, String where) {
        Document d;
        try {
            d = Document.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getMessage(), e);
        }
        return of(d, where);
    }

    static Proposal of(Document d, String where) {
        String id = string(d, "proposalId");
        String title = string(d, "title");
        if (id == null || title == null) {
            throw new IllegalArgumentException(where + " has no " + (id == null ? "proposalId" : "title"));
        }
        Document pi = d.get("pi") instanceof Document p ? p : new Document();
        List<String> access = new ArrayList<>(strings(d, "groups"));
        strings(d, "members").stream().filter(m -> !access.contains(m)).forEach(access::add);
        String owner = string(d, "ownerGroup");
        String piEmail = string(pi, "email");
        return new Proposal(id, title, piEmail, string(pi, "firstname"), string(pi, "lastname"),
                piEmail == null ? "unknown" : piEmail, owner == null ? id : owner, access, string(d, "abstract"),
                time(d, "startTime", where), time(d, "endTime", where));
    }

    private static String string(Document d, String key) {
        Object v = d.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> strings(Document d, String key) {
        return d.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Instant time(Document d, String key, String where) {
        String v = string(d, key);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + key + " \"" + v + "\" is no ISO-8601 time", e);
        }
    }

    static String write(Proposal p, List<String> members) {
        Document pi = new Document("email", p.piEmail()).append("firstname", p.piFirstname()).append("lastname",
                p.piLastname());
        Document d = new Document("proposalId", p.proposalId()).append("title", p.title()).append("pi", pi)
                .append("ownerGroup", p.ownerGroup()).append("groups", p.accessGroups()).append("members", members);
        if (p.startTime() != null) {
            d.append("startTime", p.startTime().toString());
        }
        if (p.endTime() != null) {
            d.append("endTime", p.endTime().toString());
        }
        return d.toJson();
    }
}
