package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void exportImportRoundTrip() throws Exception {
        Identity identity = Identity.generate();
        Identity imported = Identity.importFrom(identity.export());
        assertThat(imported.userId()).isEqualTo(identity.userId());
        assertThat(imported.prekeyBundle().encode()).isEqualTo(identity.prekeyBundle().encode());
        assertThat(identity.toString()).contains(identity.userId()).doesNotContain(
                java.util.HexFormat.of().formatHex(Arrays.copyOfRange(identity.export(), 6, 38)));
    }

    @Test
    void importIsStrict() {
        byte[] good = Identity.generate().export();
        assertThatThrownBy(() -> Identity.importFrom(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(StateFormatException.class);
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> Identity.importFrom(magic)).isInstanceOf(StateFormatException.class);
        byte[] version = good.clone();
        version[5] = 9;
        assertThatThrownBy(() -> Identity.importFrom(version)).isInstanceOf(StateFormatException.class);
        byte[] nonCanonical = good.clone();
        Arrays.fill(nonCanonical, 6, 38, (byte) 0xff);
        assertThatThrownBy(() -> Identity.importFrom(nonCanonical)).isInstanceOf(StateFormatException.class);
        byte[] zero = good.clone();
        Arrays.fill(zero, 6, 38, (byte) 0);
        assertThatThrownBy(() -> Identity.importFrom(zero)).isInstanceOf(StateFormatException.class);
        byte[] badSignature = good.clone();
        badSignature[good.length - 1] ^= 1;
        assertThatThrownBy(() -> Identity.importFrom(badSignature)).isInstanceOf(StateFormatException.class);
    }

    @Test
    void prekeyBundleDecodingChecksTheSignature() throws Exception {
        Identity identity = Identity.generate();
        byte[] bundle = identity.prekeyBundle().encode();
        assertThat(PrekeyBundle.decode(bundle).userId()).isEqualTo(identity.userId());
        byte[] other = Identity.generate().prekeyBundle().encode();
        byte[] mixed = bundle.clone();
        System.arraycopy(other, 2, mixed, 2, 32); // another identity key with this prekey signature
        assertThatThrownBy(() -> PrekeyBundle.decode(mixed)).isInstanceOf(StateFormatException.class);
        assertThatThrownBy(() -> PrekeyBundle.decode(new byte[] {1, 2, 3})).isInstanceOf(StateFormatException.class);
    }

    @Test
    void inviteTicketTextIsStrictAndHidesTheKey() throws Exception {
        InviteTicket ticket = new InviteTicket(java.util.UUID.randomUUID(), new byte[32]);
        assertThat(InviteTicket.decode(ticket.encode())).isEqualTo(ticket);
        assertThat(ticket.toString()).doesNotContain(ticket.encode().substring(ticket.encode().lastIndexOf(':') + 1));
        for (String bad : new String[] {"", "zrt-invite:1:", ticket.encode() + "A", ticket.encode().toUpperCase(),
                ticket.encode().replace("zrt-invite:1", "zrt-invite:2")}) {
            assertThatThrownBy(() -> InviteTicket.decode(bad)).isInstanceOf(StateFormatException.class);
        }
    }
}
