package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.VerificationFailedException.Check;
import io.zrt.client.engine.SessionState;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two different frames for one seq (issue 22: a seq the Node reused after losing an acknowledged frame, seen
 * once through live push and once through the Node's log) are reported, and neither is applied blindly: the
 * session stops at that seq. The "push" here is {@link GroupSession#receive}, the entry point live delivery uses;
 * its bytes are real frames of the group taken from the real Node, one of them claimed for the wrong seq.
 */
class ConflictingFramesTest {

    private static ZrtClient client;

    @BeforeAll
    static void start() {
        client = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static GroupSession[] pair(String name) throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", name, List.of(bob.prekeyBundle()));
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                alice.publicKeyBytes());
        created.session().sync();
        return new GroupSession[] {created.session(), b};
    }

    /** The frame bytes the Node's log holds at {@code seq}, read with the reader's keys. */
    private static byte[] frameAt(GroupSession reader, long seq) throws Exception {
        SessionState s = reader.runner().state();
        SPFrames page = reader.runner().node().frames(s.groupId(), seq, 1, s.epoch(), s.view().treeKey());
        SPFrame frame = page.getFrames(0);
        assertThat(frame.getSeq()).isEqualTo(seq);
        return frame.getFrame().toByteArray();
    }

    private static void conflicting(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VerificationFailedException.class,
                e -> assertThat(e.check()).isEqualTo(Check.CONFLICTING_FRAMES));
    }


    @Test
    void aPushedFrameThatDiffersFromTheLogAtItsSeqIsAppliedNeitherWay() throws Exception {
        GroupSession[] p = pair("push against log");
        GroupSession a = p[0];
        GroupSession b = p[1];
        long n = b.nextSeq();
        a.sendChat("zero");
        a.sendChat("one");
        a.sendChat("two");
        byte[] two = frameAt(a, n + 2);
        // a push claims seq n + 1 holds "two": buffered behind the gap at n, then the log's "one" meets it
        conflicting(() -> b.receive(n + 1, two));
        assertThat(b.nextSeq()).as("seq n applied, n + 1 neither way").isEqualTo(n + 1);
        conflicting(b::sync);
        assertThat(b.nextSeq()).isEqualTo(n + 1);
    }

    @Test
    void aDifferentCopyOfAnAppliedSeqStopsTheSession() throws Exception {
        GroupSession[] p = pair("copy of an applied seq");
        GroupSession a = p[0];
        GroupSession b = p[1];
        long n = b.nextSeq();
        a.sendChat("x");
        a.sendChat("y");
        b.sync();
        assertThat(b.nextSeq()).isEqualTo(n + 2);
        assertThat(b.receive(n, frameAt(a, n))).as("the same frame again is nothing").isEmpty();
        conflicting(() -> b.receive(n, frameAt(a, n + 1)));
        a.sendChat("z");
        conflicting(b::sync);
        assertThat(b.nextSeq()).as("nothing applied after the conflict").isEqualTo(n + 2);
    }
}
