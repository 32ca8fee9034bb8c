package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address the per-address limits count (plain servlet requests; no network involved). */
class ClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String... forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/group/x/status");
        request.setRemoteAddr(peer);
        for (String value : forwarded) {
            request.addHeader("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses addresses = new ClientAddresses(List.of(), "X-Forwarded-For");
        assertThat(addresses.resolve(from("192.0.2.1", "203.0.113.5"))).isEqualTo("192.0.2.1");
    }

    @Test
    void aTrustedProxyNamesTheClientAndEntriesTheClientWroteCountForNothing() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"), "X-Forwarded-For");
        // The client claimed 198.51.100.1 itself; the balancer (10.1.1.1) then appended the real peer.
        assertThat(addresses.resolve(from("10.2.3.4", "198.51.100.1, 203.0.113.5", "10.1.1.1")))
                .isEqualTo("203.0.113.5");
        assertThat(addresses.resolve(from("192.0.2.1", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        // A request that did not come through a trusted proxy is its peer, whatever it says.
        assertThat(addresses.resolve(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        // Garbage where the proxy writes, or no header: the proxy's own address, never a name to look up.
        assertThat(addresses.resolve(from("10.2.3.4", "example.com"))).isEqualTo("10.2.3.4");
        assertThat(addresses.resolve(from("10.2.3.4", "999.1.1.1"))).isEqualTo("10.2.3.4");
        assertThat(addresses.resolve(from("10.2.3.4"))).isEqualTo("10.2.3.4");
        assertThat(addresses.resolve(from("10.2.3.4", "10.9.9.9"))).isEqualTo("10.2.3.4");
    }

    @Test
    void trustedProxiesMustBeAddressesOrRanges() {
        assertThatThrownBy(() -> ClientAddresses.validate(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> ClientAddresses.validate(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        ClientAddresses.validate(List.of("10.0.0.0/8", "::1", "fd00::/8"));
    }
}
