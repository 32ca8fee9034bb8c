package io.zrt.client;

import com.google.protobuf.ByteString;
import io.zrt.client.internal.Creation;
import io.zrt.client.internal.Invites;
import io.zrt.client.internal.Operations;
import io.zrt.client.internal.SessionEngine;
import io.zrt.client.internal.SessionState;
import io.zrt.client.internal.StateCodec;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.x3dh.LeafSecrets;
import io.zrt.crypto.x3dh.X3dh;
import io.zrt.protocol.ChatMessage;
import io.zrt.protocol.CrdtChange;
import io.zrt.protocol.Payload;
import io.zrt.protocol.Role;
import io.zrt.protocol.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One member's session in one group. Thread-safe: every call is serialized on the session, and frames are
 * processed strictly in sequence order whichever path brings them (live push, {@link #sync()}, own sends).
 * Network calls come in a blocking form and an {@code …Async} form returning a {@link CompletableFuture} that
 * completes exceptionally with the same {@link ZrtException} types.
 */
public final class GroupSession {

    private final ZrtClient client;
    private final Identity identity;
    private final SessionEngine engine;

    GroupSession(ZrtClient client, Identity identity, SessionEngine engine) {
        this.client = client;
        this.identity = identity;
        this.engine = engine;
    }

    // ---- what the session knows ----

    /** The group id (canonical UUID text). */
    public String groupId() {
        return engine.state().groupId().text();
    }

    public long epoch() {
        return engine.state().epoch();
    }

    /** The sequence number of the next frame this session will process. */
    public long nextSeq() {
        return engine.state().nextSeq();
    }

    public String groupName() {
        return engine.state().meta().name();
    }

    public boolean isOwner() {
        return engine.state().isOwner();
    }

    /** {@code ACTIVE}, {@code LEFT}, {@code REMOVED} or {@code DROPPED}. */
    public String status() {
        return engine.state().status().name();
    }

    public long myLeaf() {
        return engine.state().myLeaf();
    }

    public List<Member> members() {
        SessionState s = engine.state();
        List<Member> out = new ArrayList<>();
        for (Map.Entry<Long, User> entry : s.members().entrySet()) {
            User user = entry.getValue();
            boolean leaving;
            try {
                leaving = s.view().publicTree().leafStatus(entry.getKey()) != io.zrt.crypto.art.LeafStatus.ACTIVE;
            } catch (io.zrt.crypto.art.ArtException e) {
                leaving = false;
            }
            out.add(new Member(user.getId(), user.getName(), user.getIdentityKey().toByteArray(), entry.getKey(),
                    user.getRole() == Role.ROLE_OWNER, leaving));
        }
        return out;
    }

    public KeyUpdatePolicy keyUpdatePolicy() {
        return engine.policy();
    }

    public void keyUpdatePolicy(KeyUpdatePolicy policy) {
        engine.policy(policy);
    }

    /** The session state to persist (secret; docs/client-sdk.md describes the format). Restore with
     *  {@link ZrtClient#restore}. */
    public byte[] serialize() {
        return StateCodec.encode(engine.state());
    }

    // ---- receiving ----

    public void addListener(MessageListener listener) {
        engine.addListener(listener::onMessage);
    }

    /** Catches up on every frame after the current one (fetching them from the Node). */
    public List<GroupMessage> sync() throws ZrtException {
        return engine.sync();
    }

    public CompletableFuture<List<GroupMessage>> syncAsync() {
        return client.async(this::sync);
    }

    /** Processes a frame obtained elsewhere (a serialized {@code SPFrame}'s seq and frame bytes). */
    public List<GroupMessage> receive(long seq, byte[] frameBytes) throws ZrtException {
        return engine.receive(seq, frameBytes);
    }

    /** Live delivery through Centrifugo until the returned subscription is closed. */
    public Subscription subscribe(MessageListener listener) throws ZrtException {
        return client.live(this, engine, listener);
    }

    // ---- sending ----

    public long sendChat(String text) throws ZrtException {
        return engine.sendPlain(List.of(Payload.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build()));
    }

    public CompletableFuture<Long> sendChatAsync(String text) {
        return client.async(() -> sendChat(text));
    }

    public long sendCrdtChange(String documentId, byte[] change) throws ZrtException {
        return engine.sendPlain(List.of(Payload.newBuilder().setCrdt(CrdtChange.newBuilder()
                .setDocumentId(documentId).setChange(ByteString.copyFrom(change))).build()));
    }

    public CompletableFuture<Long> sendCrdtChangeAsync(String documentId, byte[] change) {
        return client.async(() -> sendCrdtChange(documentId, change));
    }

    /** Owner: renames the group (a ChangeGroup action). */
    public long renameGroup(String name) throws ZrtException {
        SessionState s = engine.state();
        var info = io.zrt.protocol.GroupInfo.newBuilder().setName(name).setCreated(s.meta().created())
                .setPicture(ByteString.copyFrom(s.meta().picture()));
        return engine.sendPlain(List.of(Payload.newBuilder().setAction(io.zrt.protocol.GroupActionPayload.newBuilder()
                .setChangeGroup(io.zrt.protocol.ChangeGroupAction.newBuilder().setGroup(info))).build()));
    }

    /** Changes this member's display name (a ChangeUser action). */
    public long changeMyName(String name) throws ZrtException {
        User me = User.newBuilder().setId(identity.userId()).setName(name).build();
        return engine.sendPlain(List.of(Payload.newBuilder().setAction(io.zrt.protocol.GroupActionPayload.newBuilder()
                .setChangeUser(io.zrt.protocol.ChangeUserAction.newBuilder().setUser(me))).build()));
    }

    /** Replaces this member's leaf secret (retried after conflicts). Returns the frame's seq. */
    public long keyUpdate() throws ZrtException {
        return engine.submit(s -> engine.operations().keyUpdate(s, null, client.clock().millis()));
    }

    public CompletableFuture<Long> keyUpdateAsync() {
        return client.async(this::keyUpdate);
    }

    /** After joining: the key update that replaces the inviter-known leaf secret and announces this member. */
    long announceJoin(String name) throws ZrtException {
        User me = User.newBuilder().setId(identity.userId()).setName(name)
                .setIdentityKey(ByteString.copyFrom(identity.publicKeyBytes())).build();
        return engine.submit(s -> engine.operations().keyUpdate(s, me.toBuilder()
                .setLeaf(Math.toIntExact(s.myLeaf())).build(), client.clock().millis()));
    }

    /** Owner: invites a user identified by its prekey bundle (X3DH). Deliver the invitation to the invitee. */
    public Invitation invite(PrekeyBundle invitee) throws ZrtException {
        CortadoKeyPair owner = identity.keyPair();
        CortadoKeyPair ephemeral = CortadoKeyPair.generate(client.random());
        Scalar leafSecret;
        try {
            leafSecret = X3dh.inviterLeafSecret(owner, ephemeral, invitee.identityKey(), invitee.signedPrekey());
        } catch (VerificationException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.INVITE,
                    "prekey bundle signature does not verify");
        }
        User entry = User.newBuilder().setId(invitee.userId()).setRole(Role.ROLE_WRITE)
                .setIdentityKey(ByteString.copyFrom(invitee.identityKey().encode())).build();
        Operations.Built[] last = new Operations.Built[1];
        long seq = engine.submit(s -> last[0] = engine.operations().add(s, leafSecret, entry, client.clock().millis()));
        Operations.Built built = last[0];
        byte[] invite = Creation.identifiedInvite(owner, ephemeral.publicKey(), invitee.identityKey(),
                invitee.signedPrekey().preKey(), leafSecret, engine.state().groupId(), built.epoch(),
                built.newStageKey(), built.target());
        return new Invitation(invite, invitee.userId(), built.target());
    }

    public CompletableFuture<Invitation> inviteAsync(PrekeyBundle invitee) {
        return client.async(() -> invite(invitee));
    }

    /**
     * Owner: invites someone not identified yet. The invite (with a fresh leaf secret) is encrypted under a random
     * key and stored as a read-once Transistor transfer; share the returned ticket out of band.
     */
    public InviteTicket inviteUnidentified() throws ZrtException {
        SecureRandom random = client.random();
        Scalar leafSecret = LeafSecrets.random(random);
        User entry = User.newBuilder().setRole(Role.ROLE_WRITE).build();
        Operations.Built[] last = new Operations.Built[1];
        engine.submit(s -> last[0] = engine.operations().add(s, leafSecret, entry, client.clock().millis()));
        Operations.Built built = last[0];
        byte[] invite = Invites.create(identity.keyPair(), Invites.unidentified(leafSecret), leafSecret,
                Creation.secrets(engine.state().groupId(), built.epoch(), built.newStageKey(), built.target()));
        byte[] key = new byte[32];
        random.nextBytes(key);
        UUID transferId = UUID.randomUUID();
        byte[] sealed = Invites.sealForTransfer(invite, SecretBytes.copyOf(key), transferId);
        client.transistor().putTransfer(transferId, java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sealed));
        return new InviteTicket(transferId, key);
    }

    public CompletableFuture<InviteTicket> inviteUnidentifiedAsync() {
        return client.async(this::inviteUnidentified);
    }

    /** Owner: removes the member with this user id (its leaf becomes BLANK; new epochs exclude it). */
    public long remove(String userId) throws ZrtException {
        for (Member member : members()) {
            if (member.userId().equals(userId)) {
                return removeLeaf(member.leaf());
            }
        }
        throw new VerificationFailedException(VerificationFailedException.Check.GROUP_ACTION,
                "no member with user id " + userId);
    }

    public CompletableFuture<Long> removeAsync(String userId) {
        return client.async(() -> remove(userId));
    }

    public long removeLeaf(long leaf) throws ZrtException {
        return engine.submit(s -> engine.operations().remove(s, leaf, client.clock().millis()));
    }

    /** Any member: finalizes the removal of a BLANK or PENDING_REMOVAL leaf so that nobody knows its secret. */
    public long finalizeRemoval(long leaf) throws ZrtException {
        return engine.submit(s -> engine.operations().finalizeRemoval(s, leaf, client.clock().millis()));
    }

    public CompletableFuture<Long> finalizeRemovalAsync(long leaf) {
        return client.async(() -> finalizeRemoval(leaf));
    }

    /** Leaves the group (the leaf becomes PENDING_REMOVAL until a member finalizes it). */
    public long leave() throws ZrtException {
        return engine.submit(s -> engine.operations().leave(s, client.clock().millis()));
    }

    public CompletableFuture<Long> leaveAsync() {
        return client.async(this::leave);
    }

    /** Owner: closes the group; the Node refuses every later frame. */
    public long drop() throws ZrtException {
        return engine.submit(s -> engine.operations().drop(s, client.clock().millis()));
    }

    public CompletableFuture<Long> dropAsync() {
        return client.async(this::drop);
    }

    SessionEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "GroupSession[" + engine.state() + "]";
    }
}
