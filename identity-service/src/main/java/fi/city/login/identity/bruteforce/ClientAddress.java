package fi.city.login.identity.bruteforce;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address that brute-force protection counts by: the resident's address as the portal states
 * it (only the portal's client reaches the login flow), else the connection's peer. An IPv6 address
 * counts as its /64 network, since one subscriber usually holds a whole /64 and could otherwise rotate
 * through it to escape the per-address limit.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** @param stated the address the portal states for the resident, or null to count the connection's */
    public static String of(String stated, HttpServerRequest connection) {
        String parsed = normalized(stated);
        if (parsed != null) {
            return parsed;
        }
        return connection.remoteAddress() == null ? null : normalized(connection.remoteAddress().hostAddress());
    }

    /**
     * The /48 network an IPv6 /64 ({@link #normalized}) belongs to, counted too: a site is often given a
     * whole /48, and with /64s alone it would hold 65,536 budgets. Null for an IPv4 address.
     */
    public static String network48(String normalized) {
        if (normalized == null || !normalized.endsWith("/64")) {
            return null;
        }
        try {
            byte[] network = InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(
                    normalized.substring(0, normalized.length() - 3))).getAddress();
            java.util.Arrays.fill(network, 6, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/48";
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /** An IPv4 address as it is, an IPv6 address as its /64 network; null when the text is not an IP address. */
    public static String normalized(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return null;
        }
        String text = address.strip();
        // Only literals are parsed: a host name would make getByName ask DNS.
        if (!NetUtil.isValidIpV4Address(text) && !NetUtil.isValidIpV6Address(text)) {
            return null;
        }
        try {
            InetAddress ip = InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(text));
            if (ip instanceof Inet6Address) {
                byte[] network = ip.getAddress();
                java.util.Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
