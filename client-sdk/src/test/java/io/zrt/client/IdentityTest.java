package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final StateKey KEY = StateKey.generate("test-key", new SecureRandom());

    /**
     * An identity exported by the SDK before sealing (state format version 1, written by the code of commit
     * ab4613a): a test fixture, not anybody's key.
     */
    static final String V1_EXPORT = "5a5254494401cb32377458d98e385411d4727cc347cda4be0797b12aae5c6557947bfdeefe0b"
            + "62273bb0be3f07f80d40cf7c007c6be0a4b7e1e308587bafee5c84456ac28804695681f48ab0d6fc94c0d5c23b798bce4ff0"
            + "c09a25629a1ce473ab05c13fe3011925380dfa8ddc1d1822daea4e49c89d69b17bc0e16ddda6837b9ea06af53306";
    static final String V1_USER_ID = "01c48d9a4168caa45476179b590c18b2";

    @Test
    void sealedExportRoundTripsAndHidesEverySecret() throws Exception {
        Identity identity = Identity.generate();
        byte[] sealed = identity.export(KEY);
        Identity imported = Identity.importFrom(sealed, KEY);
        assertThat(imported.userId()).isEqualTo(identity.userId());
        assertThat(imported.prekeyBundle().encode()).isEqualTo(identity.prekeyBundle().encode());
        byte[] secret = identity.keyPair().secretKey().toBytes();
        assertThat(indexOf(sealed, secret)).as("the identity secret is not in the export").isEqualTo(-1);
        assertThat(identity.toString()).contains(identity.userId())
                .doesNotContain(HexFormat.of().formatHex(secret));
        assertThat(KEY.toString()).contains("test-key").contains("redacted");
    }

    @Test
    void everyFlippedBitAndEveryTruncationOfTheExportIsRefused() {
        byte[] sealed = Identity.generate().export(KEY);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> Identity.importFrom(flipped, KEY)).as("bit %d", bit)
                    .isInstanceOf(StateFormatException.class);
        }
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> Identity.importFrom(cut, KEY)).as("length %d", length)
                    .isInstanceOf(StateFormatException.class);
        }
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> Identity.importFrom(longer, KEY)).isInstanceOf(StateFormatException.class);
    }

    @Test
    void theWrongKeyAndAnUnknownKeyIdAreRefused() {
        byte[] sealed = Identity.generate().export(KEY);
        StateKey sameIdOtherBytes = StateKey.generate("test-key", new SecureRandom());
        assertThatThrownBy(() -> Identity.importFrom(sealed, sameIdOtherBytes))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> Identity.importFrom(sealed, StateKey.generate("other", new SecureRandom())))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("do not hold");
    }

    @Test
    void aVersion1ExportIsRefusedUntilMigratedThenImports() throws Exception {
        byte[] v1 = HexFormat.of().parseHex(V1_EXPORT);
        assertThatThrownBy(() -> Identity.importFrom(v1, KEY)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("version 1");
        Identity migrated = Identity.importFrom(StateMigration.sealIdentityExport(v1, KEY), KEY);
        assertThat(migrated.userId()).isEqualTo(V1_USER_ID);
        byte[] altered = v1.clone();
        altered[altered.length - 1] ^= 1; // the prekey signature no longer verifies
        assertThatThrownBy(() -> StateMigration.sealIdentityExport(altered, KEY))
                .isInstanceOf(StateFormatException.class);
    }

    @Test
    void theUnsealedContentIsDecodedStrictly() throws Exception {
        byte[] good = HexFormat.of().parseHex(V1_EXPORT);
        assertThat(good).as("docs/client-sdk.md: 134 bytes").hasSize(134);
        assertThat(Identity.decodeUnsealed(good).userId()).isEqualTo(V1_USER_ID);
        assertThatThrownBy(() -> Identity.decodeUnsealed(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(StateFormatException.class);
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> Identity.decodeUnsealed(magic)).isInstanceOf(StateFormatException.class);
        byte[] version = good.clone();
        version[5] = 9;
        assertThatThrownBy(() -> Identity.decodeUnsealed(version)).isInstanceOf(StateFormatException.class);
        byte[] nonCanonical = good.clone();
        Arrays.fill(nonCanonical, 6, 38, (byte) 0xff);
        assertThatThrownBy(() -> Identity.decodeUnsealed(nonCanonical)).isInstanceOf(StateFormatException.class);
        byte[] zero = good.clone();
        Arrays.fill(zero, 6, 38, (byte) 0);
        assertThatThrownBy(() -> Identity.decodeUnsealed(zero)).isInstanceOf(StateFormatException.class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
        InviteTicket ticket = new InviteTicket(java.util.UUID.randomUUID(), 5, new byte[32]);
        assertThat(InviteTicket.decode(ticket.encode())).isEqualTo(ticket);
        assertThat(ticket.encode()).startsWith("zrt-invite:2:").contains(":5:");
        String v1 = ticket.encode().replace("zrt-invite:2:", "zrt-invite:1:").replace(":5:", ":");
        assertThat(InviteTicket.decode(v1).leaf()).as("version 1: leaf unknown").isEqualTo(-1);
        assertThat(InviteTicket.decode(v1).transferId()).isEqualTo(ticket.transferId());
        for (String leaf : new String[] {"05", "0", "1", "-1", "+5", "2147483648", "99999999999", ""}) {
            String bad = ticket.encode().replace(":5:", ":" + leaf + ":");
            assertThatThrownBy(() -> InviteTicket.decode(bad)).as(leaf).isInstanceOf(StateFormatException.class);
        }
        assertThat(ticket.toString()).doesNotContain(ticket.encode().substring(ticket.encode().lastIndexOf(':') + 1));
        for (String bad : new String[] {"", "zrt-invite:1:", ticket.encode() + "A", ticket.encode().toUpperCase(),
                ticket.encode().replace("zrt-invite:2", "zrt-invite:3"), v1.replace("zrt-invite:1", "zrt-invite:2"),
                ticket.encode().replace("zrt-invite:2", "zrt-invite:1")}) {
            assertThatThrownBy(() -> InviteTicket.decode(bad)).isInstanceOf(StateFormatException.class);
        }
    }
}
