package io.zrt.client;

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
}
