package io.zrt.client.engine;

import io.zrt.client.PrekeyBundle;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.x3dh.SignedPreKey;
import io.zrt.crypto.x3dh.UserId;
import java.security.SecureRandom;
import java.util.List;

/**
 * A two-member group built without any service: Alice creates it with Bob as initial member, Bob opens his
 * invite and bootstraps from the init frame, exactly as he would after fetching tree and frame from the Node.
 */
final class OfflineGroup {

    final SecureRandom random = new SecureRandom();
    final CortadoKeyPair alice = CortadoKeyPair.generate(random);
    final CortadoKeyPair bob = CortadoKeyPair.generate(random);
    final CortadoKeyPair bobPrekey = CortadoKeyPair.generate(random);
    final Operations aliceOps = new Operations(alice, random);
    final Operations bobOps = new Operations(bob, random);
    final SessionState aliceState;
    final SessionState bobState;
    final byte[] initFrame;

    OfflineGroup() throws Exception {
        PrekeyBundle bundle = new PrekeyBundle(bob.publicKey(), SignedPreKey.create(bob, bobPrekey, random));
        Creation.Created created = Creation.create(alice, "alice", "offline", List.of(bundle), TreeWire.ART, random,
                1000);
        aliceState = created.state();
        initFrame = created.initFrame();
        Invites.Opened opened = Invites.open(created.invites().get(0), alice.publicKey().encode(), bob, bobPrekey);
        PublicTree tree = PublicTree.decode(aliceState.view().publicTree().encode());
        MemberView view = MemberView.join(tree, opened.leaf(), opened.leafSecret());
        bobState = Bootstrap.first(opened, view, 0, initFrame, UserId.of(bob.publicKey()), "bob", 1000);
    }
}
