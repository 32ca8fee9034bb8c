package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Scalar;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.MutableClock;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.rules.ReadAuthorization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 22 item 3: someone who knows a group id (a removed member, say) floods it from one address with junk
 * frames, frames signed with a wrong key, challenge requests and reads with made-up proofs — several times the
 * group's budgets — while the members, behind another address, keep posting and reading. The Node sits behind
 * a trusted proxy on 127.0.0.1 that names the client in X-Forwarded-For. The clock stands still, so the whole
 * test runs in one counting window.
 */
@TestPropertySource(properties = {"zrt.node.rate-limit.window=3600s", "zrt.node.rate-limit.frames-per-group=12",
        "zrt.node.rate-limit.challenges-per-group=12", "zrt.node.rate-limit.per-client-address=60",
        "zrt.node.client-address.trusted-proxies=127.0.0.1, ::1"})
class OutsiderFloodTest extends NodeTestBase {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS)
            .plusSeconds(60));
    private static final String ATTACKER = "203.0.113.9";
    private static final String MEMBERS = "198.51.100.20";
    /** A removed member, on an address of its own so that the other test's flood does not weigh on it. */
    private static final String REMOVED = "203.0.113.77";
    private static final int FLOOD_ROUNDS = 40;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @Test
    void junkFromOneAddressDoesNotStopMembersFromPostingAndReading() {
        GroupDriver g = GroupDriver.create();
        created(g);
        String group = g.id().text();
        Scalar outsiderKey = GroupDriver.freshLeafSecret();
        int attackerRefused = 0;
        int memberPosts = 0;
        int memberReads = 0;
        for (int round = 0; round < FLOOD_ROUNDS; round++) {
            // Four kinds of junk per round: 160 requests, against budgets of 12 frames and 12 challenges.
            int[] junk = {
                post(g, new byte[] {(byte) 0xff, 1, 2, (byte) round}, ATTACKER).status(),
                post(g, g.plain(outsiderKey).bytes(), ATTACKER).status(),
                get("/v1/group/" + group + "/challenge", ATTACKER).status(),
                get("/v1/group/" + group + "/frames?fromSeq=0&limit=10", ATTACKER, "ZRT-Epoch", "0",
                        "ZRT-Challenge", NodeClient.b64(new byte[16]), "ZRT-Signature", NodeClient.b64(new byte[64]))
                        .status()};
            for (int status : junk) {
                assertThat(status).isBetween(200, 499);
                if (status == 429) {
                    attackerRefused++;
                }
            }
            // The members go on: one post every other round, one read every fourth round (within their budgets).
            if (round % 4 == 0) {
                GroupDriver.Pending plain = g.plain();
                NodeClient.Response posted = post(g, plain.bytes(), MEMBERS);
                assertThat(posted.status()).as("member post in round %d: %s", round, new String(posted.body()))
                        .isEqualTo(201);
                g.accept(plain);
                memberPosts++;
            }
            if (round % 4 == 2) {
                NodeClient.Response read = memberRead(g);
                assertThat(read.status()).as("member read in round %d: %s", round, new String(read.body()))
                        .isEqualTo(200);
                memberReads++;
            }
        }
        assertThat(memberPosts).isEqualTo(10);
        assertThat(memberReads).isEqualTo(10);
        // The junk was refused, and the address that sent it ran out of its own budget, not the group's.
        assertThat(attackerRefused).isGreaterThan(0);
        NodeClient.Response blocked = get("/v1/group/" + group + "/challenge", ATTACKER);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("rate_limited");
        assertThat(blocked.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(metric("zrt_node_guard_refused_total", "reason=\"address_budget\"")).isPositive();
    }

    @Test
    void theGroupBudgetStillHoldsForMembers() {
        GroupDriver g = GroupDriver.create();
        created(g);
        int stored = 1;
        NodeClient.Response last = null;
        for (int i = 0; i < 20; i++) {
            GroupDriver.Pending plain = g.plain();
            last = post(g, plain.bytes(), MEMBERS);
            if (last.status() != 201) {
                break;
            }
            g.accept(plain);
            stored++;
        }
        // Proven frames are what the group's budget counts: the init and eleven more.
        assertThat(stored).isEqualTo(12);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("rate_limited");
    }

    @Test
    void aRemovedMemberReadingWithOldKeysDoesNotUseUpTheCurrentMembersReads() throws Exception {
        GroupDriver g = GroupDriver.create();
        created(g);
        GroupDriver.Pending add = g.addMember();
        assertThat(post(g, add.bytes(), MEMBERS).status()).isEqualTo(201);
        g.accept(add);
        GroupDriver.Pending remove = g.removeMember(3);
        assertThat(post(g, remove.bytes(), MEMBERS).status()).isEqualTo(201);
        g.accept(remove);
        // The removed member still holds the tree key of epoch 1, so its reads at epoch 1 verify.
        Scalar oldKey = g.treeKeyAt(1);
        int served = 0;
        NodeClient.Response last = null;
        for (int i = 0; i < 20 && (last == null || last.status() != 429); i++) {
            last = read(g, 1, oldKey, REMOVED);
            if (last.status() == 200) {
                served++;
            }
        }
        assertThat(served).as("the budget of proven reads at epoch 1").isEqualTo(12);
        assertThat(last.status()).isEqualTo(429);
        // The members read at the current epoch as before.
        for (int i = 0; i < 5; i++) {
            NodeClient.Response read = memberRead(g);
            assertThat(read.status()).as(new String(read.body())).isEqualTo(200);
        }
    }

    private void created(GroupDriver g) {
        GroupDriver.Pending init = g.init();
        assertThat(post(g, init.bytes(), MEMBERS).status()).isEqualTo(201);
        g.accept(init);
    }

    private NodeClient.Response memberRead(GroupDriver g) {
        return read(g, g.epoch(), g.treeKey(), MEMBERS);
    }

    /** A frames read with a proof at {@code epoch} signed with {@code key}; the challenge fetched from {@code from}. */
    private NodeClient.Response read(GroupDriver g, long epoch, Scalar key, String from) {
        NodeClient.Response issued = get("/v1/group/" + g.id().text() + "/challenge", from);
        assertThat(issued.status()).isEqualTo(200);
        byte[] challenge = Base64.getUrlDecoder().decode(issued.json().path("challenge").asString());
        byte[] signature = io.zrt.crypto.schnorr.Schnorr.sign(
                ReadAuthorization.framesDigest(g.id(), challenge, epoch, 0, 10),
                io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(key));
        return get("/v1/group/" + g.id().text() + "/frames?fromSeq=0&limit=10", from, "ZRT-Epoch",
                Long.toString(epoch), "ZRT-Challenge", NodeClient.b64(challenge), "ZRT-Signature",
                NodeClient.b64(signature));
    }

    private NodeClient.Response post(GroupDriver g, byte[] frame, String from) {
        return client.post("/v1/group/" + g.id().text() + "/frames", frame, "application/x-protobuf",
                "X-Forwarded-For", from);
    }

    private NodeClient.Response get(String path, String from, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = from;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.get(path, all);
    }
}
