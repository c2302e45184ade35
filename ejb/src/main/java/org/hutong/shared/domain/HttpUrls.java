package org.hutong.shared.domain;

import java.net.URI;

/** Checks on the URLs products and callers give the hub to call them back. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** An absolute http or https URL with a host. */
    public static boolean isAbsoluteHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
