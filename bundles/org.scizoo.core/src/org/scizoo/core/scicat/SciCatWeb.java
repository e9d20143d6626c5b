package org.scizoo.core.scicat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links to a facility's SciCat web frontend: a dataset's page is {@code FRONTEND/datasets/PID}, the pid as one
 * path segment ({@code /} as {@code %2F}), as the frontend's own links write it.
 */
public final class SciCatWeb {

    private SciCatWeb() {
    }

    /** A value as one URL path segment, as JavaScript's {@code encodeURIComponent} writes it (space: %20). */
    public static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The frontend's address, checked: http(s) with a host; its trailing slashes dropped. */
    public static URI frontend(String typed) {
        String s = typed == null ? "" : typed.strip();
        try {
            URI u = new URI(s.replaceAll("/+$", ""));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new IllegalArgumentException("SciCat web frontend: '" + s
                        + "' is not an http(s) address with a host (e.g. https://scicat.example.org)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SciCat web frontend: '" + s + "' is not a URL: " + e.getReason());
        }
    }

    /** The dataset's page on the frontend. */
    public static URI datasetPage(URI frontend, String pid) {
        return URI.create(frontend + "/datasets/" + encodeSegment(pid));
    }
}
