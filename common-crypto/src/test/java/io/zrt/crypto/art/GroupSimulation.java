package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole group in one process: every member's private view plus a non-member observer (the Node) that only
 * applies branch changes to the public tree. Each published change goes to everyone except its creator.
 */
final class GroupSimulation {

    private final Map<Integer, MemberView> members = new LinkedHashMap<>();
    private final List<MemberView> expelled = new ArrayList<>();
    private PublicTree observer;
    private int nextId;
    private final int ownerId;

    GroupSimulation(Scalar ownerSecret) {
        MemberView owner = MemberView.createGroup(ownerSecret);
        ownerId = nextId++;
        members.put(ownerId, owner);
        observer = owner.publicTree();
    }

    /**
     * The initial tree as the spec defines it (owner, then each member added in order) built by the owner
     * alone; every initial member then joins from the public tree and its own leaf secret.
     */
    static GroupSimulation initial(Scalar ownerSecret, List<Scalar> memberSecrets) throws ArtException {
        GroupSimulation group = new GroupSimulation(ownerSecret);
        MemberView owner = MemberView.createGroup(ownerSecret, memberSecrets);
        group.members.put(group.ownerId, owner);
        group.observer = PublicTree.decode(owner.publicTree().encode());
        for (Scalar secret : memberSecrets) {
            group.members.put(group.nextId++, MemberView.join(group.observer, secret));
        }
        return group;
    }

    int ownerId() {
        return ownerId;
    }

    MemberView view(int id) {
        return members.get(id);
    }

    Map<Integer, MemberView> members() {
        return members;
    }

    List<MemberView> expelled() {
        return expelled;
    }

    PublicTree observer() {
        return observer;
    }

    /** Sends the creator's change to the observer and every other member; returns the change. */
    BranchChange publish(int creatorId, CreatedBranch created) throws ArtException {
        BranchChange change = created.change();
        observer = observer.apply(change);
        for (Map.Entry<Integer, MemberView> entry : new ArrayList<>(members.entrySet())) {
            if (entry.getKey() == creatorId) {
                entry.setValue(created.view());
                continue;
            }
            try {
                entry.setValue(entry.getValue().apply(change));
            } catch (NotAMemberException removed) {
                expelled.add(entry.getValue());
                members.remove(entry.getKey());
            }
        }
        members.put(creatorId, created.view());
        return change;
    }

    /** The owner adds a member; the invitee joins from the public tree and its leaf secret only. */
    int add(Scalar leafSecret) throws ArtException {
        CreatedBranch created = members.get(ownerId).addMember(leafSecret);
        publish(ownerId, created);
        int id = nextId++;
        members.put(id, MemberView.join(observer, created.change().target(), leafSecret));
        return id;
    }

    /** After every step: one tree key for all, matching the public root, and one public tree for all. */
    void assertConsistent() {
        Scalar treeKey = members.get(ownerId).treeKey();
        assertThat(Cortado.multiplyGenerator(treeKey)).isEqualTo(observer.rootKey());
        for (MemberView view : members.values()) {
            assertThat(view.treeKey()).isEqualTo(treeKey);
            assertThat(view.publicTree()).isEqualTo(observer);
        }
    }
}
