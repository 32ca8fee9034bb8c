package io.zrt.node.guard;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client address the per-address limits count: the socket's peer, unless the peer is a configured trusted
 * proxy, in which case the right-most entry of the forwarding header that is not itself a trusted proxy (entries
 * left of it were written by the client and prove nothing). Only IP literals are accepted anywhere: a host name
 * would mean a DNS lookup chosen by the caller.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** A trusted proxy: an address with a prefix length (a single address has the full length). */
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> trusted;
    private final String header;

    public ClientAddresses(List<String> trustedProxies, String header) {
        this.trusted = trustedProxies.stream().map(ClientAddresses::range).toList();
        this.header = header;
    }

    /** Throws {@link IllegalArgumentException} naming the first entry that is not an address or CIDR range. */
    public static void validate(List<String> trustedProxies) {
        trustedProxies.forEach(ClientAddresses::range);
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(literal(peer))) {
            return peer;
        }
        List<String> forwarded = new ArrayList<>();
        for (var values = request.getHeaders(header); values.hasMoreElements(); ) {
            forwarded.addAll(Arrays.asList(values.nextElement().split(",")));
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            byte[] address = literal(forwarded.get(i).trim());
            if (address == null) {
                return peer; // garbage where the proxy writes: count the proxy's own address, never the garbage
            }
            if (!isTrusted(address)) {
                return InetAddressText.of(address);
            }
        }
        return peer;
    }

    private boolean isTrusted(byte[] address) {
        return address != null && trusted.stream().anyMatch(r -> r.contains(address));
    }

    private static Range range(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] network = literal(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("zrt.node.client-address.trusted-proxies: '" + text
                    + "' is not an IP address or CIDR range");
        }
        int prefix = network.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("zrt.node.client-address.trusted-proxies: '" + text
                        + "' has an invalid prefix length");
            }
        }
        return new Range(network, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null; never resolves a name. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(bare).matches()) {
            String[] octets = bare.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(octets[i]);
                if (value > 255) {
                    return null;
                }
                address[i] = (byte) value;
            }
            return address;
        }
        if (!IPV6.matcher(bare).matches()) {
            return null;
        }
        try { // a literal with ':' is parsed as IPv6 and never looked up
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Canonical text of an address, so that one client is one counter however its proxy spells it. */
    private static final class InetAddressText {
        static String of(byte[] address) {
            try {
                return InetAddress.getByAddress(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // unreachable: the length is 4 or 16
            }
        }
    }
}
