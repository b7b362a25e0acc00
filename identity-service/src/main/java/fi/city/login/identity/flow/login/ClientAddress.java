package fi.city.login.identity.flow.login;

import io.vertx.core.http.HttpServerRequest;

/** The client address that brute-force protection counts by. */
final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** The forwarded address if it looks like an IPv4 or IPv6 address, else the connection's peer. */
    static String of(String forwarded, HttpServerRequest connection) {
        if (forwarded != null && forwarded.length() <= MAX_LENGTH && forwarded.matches("[0-9A-Fa-f:.]+")) {
            return forwarded;
        }
        return connection.remoteAddress() == null ? null : connection.remoteAddress().hostAddress();
    }
}
