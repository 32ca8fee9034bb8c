package io.zrt.client;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A member as the group's own member list knows it.
 *
 * @param userId      empty while an unidentified invitee has not announced itself
 * @param identityKey compressed identity key, empty while unknown
 * @param leaf        heap index of the member's leaf
 * @param owner       true for the group's owner
 * @param leaving     true once the member announced leaving (until some member finalizes the removal)
 */
public record Member(String userId, String name, byte[] identityKey, long leaf, boolean owner, boolean leaving) {

    public Member {
        identityKey = identityKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Member m && userId.equals(m.userId) && name.equals(m.name)
                && Arrays.equals(identityKey, m.identityKey) && leaf == m.leaf && owner == m.owner
                && leaving == m.leaving;
    }

    @Override
    public int hashCode() {
        return (userId.hashCode() * 31 + Long.hashCode(leaf)) * 31 + Arrays.hashCode(identityKey);
    }

    @Override
    public String toString() {
        return "Member[userId=" + userId + ", name=" + name + ", identityKey="
                + HexFormat.of().formatHex(identityKey) + ", leaf=" + leaf + ", owner=" + owner
                + ", leaving=" + leaving + "]";
    }
}
