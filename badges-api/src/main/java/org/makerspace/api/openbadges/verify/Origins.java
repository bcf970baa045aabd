package org.makerspace.api.openbadges.verify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Where a URL points: its origin (scheme, host, port), compared as browsers compare origins. */
final class Origins {

    private Origins() {
    }

    /** The URL as a URI, if it is an absolute http(s) URL with a host and no user info. */
    static Optional<URI> httpUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether both are http(s) URLs of the same scheme, host and port. */
    static boolean sameOrigin(String first, String second) {
        Optional<URI> a = httpUrl(first);
        Optional<URI> b = httpUrl(second);
        return a.isPresent() && b.isPresent() && origin(a.get()).equals(origin(b.get()));
    }

    /** {@code scheme://host:port}, lower case, with the scheme's default port made explicit. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Whether every address of the host is a loopback address (a name is looked up). */
    static boolean isLoopback(URI uri) {
        InetAddress[] addresses = addresses(uri);
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return addresses.length > 0;
    }

    /**
     * Whether some address of the host is not on the public internet: loopback, link-local (cloud metadata lives
     * there), site-local, unique-local IPv6 or the wildcard. An unknown host counts as private: it is not fetched.
     */
    static boolean isPrivate(URI uri) {
        InetAddress[] addresses = addresses(uri);
        for (InetAddress address : addresses) {
            boolean uniqueLocal = address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
            if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || uniqueLocal) {
                return true;
            }
        }
        return addresses.length == 0;
    }

    private static InetAddress[] addresses(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
