package org.scizoo.core.ports;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A SciCat backend to read the catalogue through, and who reads: a user name and password (SciCat's local or
 * functional accounts, else its LDAP login; LDAP only when {@code ldap}), or a token SciCat gave; neither for an anonymous reader,
 * who sees public datasets only. {@link #toString()} never shows the password or the token.
 *
 * @param url the API's root as the user gave it: {@code https://scicat.example.org/api} (or the server's
 *            root, to which {@code /api} is added)
 */
public record SciCatLogin(URI url, String user, String password, String token, boolean ldap) {

    public SciCatLogin {
        user = blank(user) ? null : user.strip();
        password = blank(password) ? null : password;
        token = blank(token) ? null : token.strip();
    }

    /**
     * The login for {@code url} as typed: a URL without {@code http://} or {@code https://}, or one that is
     * not a URL, is refused with a message saying so.
     */
    public static SciCatLogin of(String url, String user, String password, String token, boolean ldap) {
        if (blank(url)) {
            throw new IllegalArgumentException("No SciCat URL given");
        }
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not a SciCat URL: give it with http:// or https://,"
                    + " e.g. https://scicat.example.org/api");
        }
        if (!uri.getPath().endsWith("/api")) {
            uri = URI.create(uri + "/api");
        }
        return new SciCatLogin(uri, user, password, token, ldap);
    }

    public boolean anonymous() {
        return user == null && token == null;
    }

    /** For the status line: the server and who is logged in, never a secret. */
    public String describe() {
        return describe(null);
    }

    /** As {@link #describe()}, naming a token's user where SciCat has said who it is ({@code as alice (token)}). */
    public String describe(String tokenUser) {
        String who = user != null ? user : token == null ? "anonymous" : tokenUser == null ? "token"
                : tokenUser + " (token)";
        return "SciCat " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + " as " + who;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
