package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.x3dh.LeafSecrets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Persisted member state comes back only when every secret fits the tree, also after an additive update. */
class RestoreTest {

    private final SecureRandom random = new SecureRandom(new byte[] {7});

    @Test
    void restoresAViewWhoseSecretsAreSumsAfterAFinalize() throws Exception {
        MemberView owner = MemberView.createGroup(LeafSecrets.random(random),
                List.of(LeafSecrets.random(random), LeafSecrets.random(random)));
        long removed = someoneElse(owner);
        MemberView afterRemove = owner.removeMember(removed, random).view();
        MemberView afterFinalize = afterRemove.finalizeRemoval(removed, random).view();

        MemberView restored = MemberView.restore(afterFinalize.publicTree(), afterFinalize.leafIndex(),
                afterFinalize.pathSecrets());

        assertThat(restored.treeKey()).isEqualTo(afterFinalize.treeKey());
        assertThat(restored.pathSecrets()).isEqualTo(afterFinalize.pathSecrets());
    }

    @Test
    void refusesSecretsThatDoNotMatchTheirNodes() throws Exception {
        MemberView owner = MemberView.createGroup(LeafSecrets.random(random), List.of(LeafSecrets.random(random)));
        List<Scalar> secrets = new ArrayList<>(owner.pathSecrets());

        List<Scalar> wrongRoot = new ArrayList<>(secrets);
        wrongRoot.set(wrongRoot.size() - 1, wrongRoot.get(wrongRoot.size() - 1).add(Scalar.ONE));
        assertThatThrownBy(() -> MemberView.restore(owner.publicTree(), owner.leafIndex(), wrongRoot))
                .isInstanceOf(RootMismatchException.class);
        assertThatThrownBy(() -> MemberView.restore(owner.publicTree(), owner.leafIndex(), secrets.subList(0, 1)))
                .isInstanceOf(WrongPathLengthException.class);
        long otherLeaf = someoneElse(owner);
        assertThatThrownBy(() -> MemberView.restore(owner.publicTree(), otherLeaf, secrets))
                .isInstanceOf(RootMismatchException.class);
    }

    private static long someoneElse(MemberView owner) {
        return owner.publicTree().leafIndices().stream().filter(leaf -> leaf != owner.leafIndex()).findFirst()
                .orElseThrow();
    }
}
