package io.zrt.client;

import com.google.protobuf.ByteString;
import io.zrt.client.engine.Creation;
import io.zrt.client.engine.InviteRecord;
import io.zrt.client.engine.Invites;
import io.zrt.client.engine.PendingOp;
import io.zrt.client.engine.Permissions;
import io.zrt.client.engine.SessionState;
import io.zrt.client.internal.SessionRunner;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.LeafStatus;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.x3dh.LeafSecrets;
import io.zrt.crypto.x3dh.X3dh;
import io.zrt.protocol.ChangeGroupAction;
import io.zrt.protocol.ChangeUserAction;
import io.zrt.protocol.ChatMessage;
import io.zrt.protocol.CrdtChange;
import io.zrt.protocol.GroupActionPayload;
import io.zrt.protocol.GroupInfo;
import io.zrt.protocol.Payload;
import io.zrt.protocol.Role;
import io.zrt.protocol.User;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One member's session in one group. Thread-safe. Frames are processed strictly in sequence order whichever path
 * brings them (live push, {@link #sync()}, own sends); every change is written to the client's session storage
 * before it is acted on. Building and proving a frame and every network call run outside the session's lock, so
 * a send, a sync and live delivery never wait on each other's I/O.
 *
 * <p>Own operations are written ahead: a call that fails with {@link NetworkException} may still have reached the
 * Node; its frame stays a {@link PendingOperation}, is completed when the session meets it in the log, posted
 * again (same bytes) by the next {@link #sync()} or send while it can still land, and otherwise discarded. Every
 * other exception means the operation did not happen. Network calls come in a blocking form and an
 * {@code …Async} form whose {@link CompletableFuture} completes exceptionally with the same {@link ZrtException}
 * (as the cause) and can be cancelled.
 */
public final class GroupSession {

    private final ZrtClient client;
    private final Identity identity;
    private final SessionRunner runner;

    GroupSession(ZrtClient client, Identity identity, SessionRunner runner) {
        this.client = client;
        this.identity = identity;
        this.runner = runner;
    }

    // ---- what the session knows ----

    /** The group id (canonical UUID text). */
    public String groupId() {
        return runner.state().groupId().text();
    }

    public long epoch() {
        return runner.state().epoch();
    }

    /** The sequence number of the next frame this session will process. */
    public long nextSeq() {
        return runner.state().nextSeq();
    }

    public String groupName() {
        return runner.state().meta().name();
    }

    public boolean isOwner() {
        return runner.state().isOwner();
    }

    public GroupStatus status() {
        return runner.state().status();
    }

    public long myLeaf() {
        return runner.state().myLeaf();
    }

    public List<Member> members() {
        SessionState s = runner.state();
        List<Member> out = new ArrayList<>();
        for (Map.Entry<Long, User> entry : s.members().entrySet()) {
            User user = entry.getValue();
            boolean leaving;
            try {
                leaving = s.view().publicTree().leafStatus(entry.getKey()) != LeafStatus.ACTIVE;
            } catch (ArtException e) {
                leaving = false;
            }
            out.add(new Member(user.getId(), user.getName(), user.getIdentityKey().toByteArray(), entry.getKey(),
                    user.getRole() == Role.ROLE_OWNER, leaving));
        }
        return out;
    }

    /** This member's own frames written ahead and not yet found in the log, oldest first. */
    public List<PendingOperation> pendingOperations() {
        return runner.state().pending().stream().map(PendingOp::toPublic).toList();
    }

    /** Invites this member made whose invitees have not joined yet (the add pending, or landed). */
    public List<PendingInvite> pendingInvites() {
        SessionState s = runner.state();
        List<PendingInvite> out = new ArrayList<>();
        for (PendingOp op : s.pending()) {
            if (op.invite() != null) {
                out.add(op.invite().toPublic(false));
            }
        }
        s.invites().forEach(r -> out.add(r.toPublic(true)));
        return out;
    }

    public KeyUpdatePolicy keyUpdatePolicy() {
        return runner.policy();
    }

    public void keyUpdatePolicy(KeyUpdatePolicy policy) {
        runner.policy(policy);
    }

    /**
     * Exports the session, pending operations and invites included, sealed under the client's current state key
     * (docs/client-sdk.md, "Sealed records"). The client stores sessions itself; this is for backups and moving a
     * session. Import with {@link ZrtClient#restore} in a client holding that key.
     */
    public byte[] serialize() {
        return client.export(runner.state());
    }

    // ---- receiving ----

    /**
     * Adds a listener for this session's messages and events, called on the SDK's executor in log order (each
     * frame once), for every path that processes frames: live delivery, {@link #sync()} and own sends.
     */
    public void addListener(MessageListener listener) {
        runner.addListener(listener);
    }

    /** Removes a listener added with {@link #addListener} or {@link #subscribe}; true if it was there. */
    public boolean removeListener(MessageListener listener) {
        return runner.removeListener(listener);
    }

    /**
     * Catches up on every frame after the current one (fetching them from the Node), then posts again the
     * pending operations that can still land (and, after a join whose announcement did not land, announces it).
     * Returns the messages of the frames this call processed.
     */
    public List<GroupMessage> sync() throws ZrtException {
        return runner.sync();
    }

    public CompletableFuture<List<GroupMessage>> syncAsync() {
        return client.async(this::sync);
    }

    /** Processes a frame obtained elsewhere (a serialized {@code SPFrame}'s seq and frame bytes). */
    public List<GroupMessage> receive(long seq, byte[] frameBytes) throws ZrtException {
        return runner.receive(seq, frameBytes);
    }

    public CompletableFuture<List<GroupMessage>> receiveAsync(long seq, byte[] frameBytes) {
        return client.async(() -> receive(seq, frameBytes));
    }

    /**
     * Live delivery to {@code listener} until the returned subscription is closed. Every subscribed group of the
     * client shares one connection (up to 100 groups on each); see docs/client-sdk.md, "Live connection".
     */
    public Subscription subscribe(MessageListener listener) throws ZrtException {
        return client.live(runner, listener);
    }

    // ---- sending ----

    public long sendChat(String text) throws ZrtException {
        return runner.sendPlain(List.of(Payload.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build()));
    }

    public CompletableFuture<Long> sendChatAsync(String text) {
        return client.async(() -> sendChat(text));
    }

    public long sendCrdtChange(String documentId, byte[] change) throws ZrtException {
        return runner.sendPlain(List.of(Payload.newBuilder().setCrdt(CrdtChange.newBuilder()
                .setDocumentId(documentId).setChange(ByteString.copyFrom(change))).build()));
    }

    public CompletableFuture<Long> sendCrdtChangeAsync(String documentId, byte[] change) {
        return client.async(() -> sendCrdtChange(documentId, change));
    }

    /** Owner: renames the group (a ChangeGroup action). */
    public long renameGroup(String name) throws ZrtException {
        mayAct("rename the group");
        SessionState s = runner.state();
        GroupInfo.Builder info = GroupInfo.newBuilder().setName(name).setCreated(s.meta().created())
                .setPicture(ByteString.copyFrom(s.meta().picture()));
        return runner.sendPlain(List.of(Payload.newBuilder().setAction(GroupActionPayload.newBuilder()
                .setChangeGroup(ChangeGroupAction.newBuilder().setGroup(info))).build()));
    }

    public CompletableFuture<Long> renameGroupAsync(String name) {
        return client.async(() -> renameGroup(name));
    }

    /** Changes this member's display name (a ChangeUser action). */
    public long changeMyName(String name) throws ZrtException {
        User me = User.newBuilder().setId(identity.userId()).setName(name).build();
        return runner.sendPlain(List.of(Payload.newBuilder().setAction(GroupActionPayload.newBuilder()
                .setChangeUser(ChangeUserAction.newBuilder().setUser(me))).build()));
    }

    public CompletableFuture<Long> changeMyNameAsync(String name) {
        return client.async(() -> changeMyName(name));
    }

    /** Replaces this member's leaf secret (retried after conflicts). Returns the frame's seq. */
    public long keyUpdate() throws ZrtException {
        return runner.submit(s -> runner.operations().keyUpdate(s, null, client.clock().millis())).seq();
    }

    public CompletableFuture<Long> keyUpdateAsync() {
        return client.async(this::keyUpdate);
    }

    /**
     * Owner: invites a user identified by its prekey bundle (X3DH). Deliver the invitation to the invitee. If this
     * user already has an invite that did not end in a join, that invite is returned again (no second leaf).
     */
    public Invitation invite(PrekeyBundle invitee) throws ZrtException {
        mayAct("invite");
        runner.flushPending();
        for (InviteRecord r : runner.state().invites()) {
            if (r.kind() == PendingInvite.Kind.IDENTIFIED && r.inviteeUserId().equals(invitee.userId())) {
                return invitation(r);
            }
        }
        CortadoKeyPair ephemeral = CortadoKeyPair.generate(client.random());
        Scalar leafSecret;
        try {
            leafSecret = X3dh.inviterLeafSecret(identity.keyPair(), ephemeral, invitee.identityKey(),
                    invitee.signedPrekey());
        } catch (VerificationException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.INVITE,
                    "prekey bundle signature does not verify");
        }
        User entry = User.newBuilder().setId(invitee.userId()).setRole(Role.ROLE_WRITE)
                .setIdentityKey(ByteString.copyFrom(invitee.identityKey().encode())).build();
        InviteRecord draft = InviteRecord.draft(Creation.newInviteId(client.random()), PendingInvite.Kind.IDENTIFIED,
                invitee.userId(), leafSecret, ephemeral.publicKey().encode(), invitee.identityKey().encode(),
                invitee.signedPrekey().preKey().encode(), null, null);
        add(leafSecret, entry, draft);
        return invitation(draft.id());
    }

    public CompletableFuture<Invitation> inviteAsync(PrekeyBundle invitee) {
        return client.async(() -> invite(invitee));
    }

    /**
     * Owner: invites someone not identified yet. The invite (with a fresh leaf secret) is encrypted under a random
     * key and stored as a read-once Transistor transfer; share the returned ticket out of band. If the add lands
     * but the upload fails, the invite stays in {@link #pendingInvites()} and {@link #ticket(String)} completes it.
     */
    public InviteTicket inviteUnidentified() throws ZrtException {
        mayAct("invite");
        Scalar leafSecret = LeafSecrets.random(client.random());
        byte[] key = new byte[32];
        client.random().nextBytes(key);
        User entry = User.newBuilder().setRole(Role.ROLE_WRITE).build();
        InviteRecord draft = InviteRecord.draft(Creation.newInviteId(client.random()),
                PendingInvite.Kind.UNIDENTIFIED, "", leafSecret, new byte[0], new byte[0], new byte[0],
                UUID.randomUUID(), SecretBytes.copyOf(key));
        add(leafSecret, entry, draft);
        return ticket(draft.id());
    }

    public CompletableFuture<InviteTicket> inviteUnidentifiedAsync() {
        return client.async(this::inviteUnidentified);
    }

    private void add(Scalar leafSecret, User entry, InviteRecord draft) throws ZrtException {
        runner.submit(s -> runner.operations().add(s, leafSecret, entry, draft, client.clock().millis()));
    }

    /** The identified invitation of a {@link PendingInvite} again (its add must have landed). */
    public Invitation invitation(String inviteId) throws ZrtException {
        InviteRecord r = landedInvite(inviteId);
        if (r.kind() != PendingInvite.Kind.IDENTIFIED) {
            throw new IllegalArgumentException("invite " + inviteId + " is unidentified: use ticket()");
        }
        return invitation(r);
    }

    private Invitation invitation(InviteRecord r) throws ZrtException {
        return new Invitation(r.id(), signed(r), r.inviteeUserId(), r.inviteLeaf());
    }

    /**
     * The ticket of an unidentified {@link PendingInvite}: uploads the sealed invite to Transistor if it is not
     * known to be there yet (the same transfer id each time; Transistor keeps the first copy).
     */
    public InviteTicket ticket(String inviteId) throws ZrtException {
        InviteRecord r = landedInvite(inviteId);
        if (r.kind() != PendingInvite.Kind.UNIDENTIFIED) {
            throw new IllegalArgumentException("invite " + inviteId + " is identified: use invitation()");
        }
        if (!r.uploaded()) {
            byte[] sealed = Invites.sealForTransfer(signed(r), r.transferKey(), r.transferId());
            client.transistor().putTransfer(r.transferId(), Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sealed));
            runner.markUploaded(r);
        }
        return new InviteTicket(r.transferId(), r.inviteLeaf(), r.transferKey().toByteArray());
    }

    public CompletableFuture<InviteTicket> ticketAsync(String inviteId) {
        return client.async(() -> ticket(inviteId));
    }

    /** The invite's record once its add landed; a pending add is resolved first (found, posted again, dropped). */
    private InviteRecord landedInvite(String inviteId) throws ZrtException {
        InviteRecord r = runner.invite(inviteId);
        if (r != null) {
            return r;
        }
        if (pendingInvites().stream().noneMatch(p -> p.id().equals(inviteId))) {
            throw new IllegalArgumentException("no invite " + inviteId + " is waiting for its invitee");
        }
        runner.flushPending();
        r = runner.invite(inviteId);
        if (r != null) {
            return r;
        }
        if (pendingInvites().stream().noneMatch(p -> p.id().equals(inviteId))) {
            throw new IllegalArgumentException("the add of invite " + inviteId
                    + " could not land and was discarded: invite again");
        }
        throw new NetworkException("the add frame of invite " + inviteId + " has not landed yet");
    }

    private byte[] signed(InviteRecord r) throws StateFormatException {
        try {
            return Creation.invite(identity.keyPair(), runner.state().groupId(), r);
        } catch (InvalidEncodingException e) {
            throw new StateFormatException("stored invite holds an invalid key");
        }
    }

    /**
     * Owner: withdraws an invite whose invitee has not joined (either kind): an unidentified invite's Transistor
     * transfer is taken so its ticket no longer opens, then the invite's leaf is removed and the removal
     * finalized, which ends the invite (it leaves {@link #pendingInvites()}). Re-invite with {@link #invite} or
     * {@link #inviteUnidentified()}. If the invitee joined meanwhile, it is removed like any member.
     */
    public void revokeInvite(String inviteId) throws ZrtException {
        mayAct("revoke invites");
        InviteRecord r = landedInvite(inviteId);
        if (r.kind() == PendingInvite.Kind.UNIDENTIFIED && r.uploaded()) {
            try {
                client.transistor().takeTransfer(r.transferId());
            } catch (NodeRejectedException gone) {
                if (gone.status() != 404) {
                    throw gone;
                }
                // already taken (redeemed, or an earlier revoke): the removal below ends the invite anyway
            }
        }
        long leaf = r.leaf();
        removeLeaf(leaf);
        finalizeRemoval(leaf);
    }

    public CompletableFuture<Void> revokeInviteAsync(String inviteId) {
        return client.async(() -> {
            revokeInvite(inviteId);
            return null;
        });
    }

    /** {@link #revokeInvite(String)} of the pending invite this ticket opens. */
    public void revokeInvite(InviteTicket ticket) throws ZrtException {
        for (InviteRecord r : runner.state().invites()) {
            if (ticket.transferId().equals(r.transferId())) {
                revokeInvite(r.id());
                return;
            }
        }
        throw new IllegalArgumentException("no invite of this group waiting for its invitee is the ticket's");
    }

    /** Owner: removes the member with this user id (its leaf becomes BLANK; new epochs exclude it). */
    public long remove(String userId) throws ZrtException {
        if (userId == null || userId.isEmpty()) {
            mayAct("remove members");
            throw new NotPermittedException(NotPermittedException.Rule.NO_SUCH_MEMBER,
                    "an unidentified invitee has no user id before it joined: revokeInvite");
        }
        for (Member member : members()) {
            if (member.userId().equals(userId)) {
                return removeLeaf(member.leaf());
            }
        }
        mayAct("remove members");
        throw new NotPermittedException(NotPermittedException.Rule.NO_SUCH_MEMBER, "no member with user id "
                + userId + " (an invitee who has not joined yet: revokeInvite)");
    }

    public CompletableFuture<Long> removeAsync(String userId) {
        return client.async(() -> remove(userId));
    }

    public long removeLeaf(long leaf) throws ZrtException {
        SessionRunner.requireActive(runner.state());
        Permissions.requireRemovable(runner.state(), leaf);
        return runner.submit(s -> {
            Permissions.requireRemovable(s, leaf); // again on the state the frame is built on
            return runner.operations().remove(s, leaf, client.clock().millis());
        }).seq();
    }

    public CompletableFuture<Long> removeLeafAsync(long leaf) {
        return client.async(() -> removeLeaf(leaf));
    }

    /** Any member: finalizes the removal of a BLANK or PENDING_REMOVAL leaf so that nobody knows its secret. */
    public long finalizeRemoval(long leaf) throws ZrtException {
        SessionRunner.requireActive(runner.state());
        Permissions.requireFinalizable(runner.state(), leaf);
        return runner.submit(s -> {
            Permissions.requireFinalizable(s, leaf);
            return runner.operations().finalizeRemoval(s, leaf, client.clock().millis());
        }).seq();
    }

    public CompletableFuture<Long> finalizeRemovalAsync(long leaf) {
        return client.async(() -> finalizeRemoval(leaf));
    }

    /** Leaves the group (the leaf becomes PENDING_REMOVAL until a member finalizes it). */
    public long leave() throws ZrtException {
        SessionRunner.requireActive(runner.state());
        Permissions.requireMayLeave(runner.state());
        return runner.submit(s -> runner.operations().leave(s, client.clock().millis())).seq();
    }

    public CompletableFuture<Long> leaveAsync() {
        return client.async(this::leave);
    }

    /** Owner: closes the group; the Node refuses every later frame. */
    public long drop() throws ZrtException {
        mayAct("drop the group");
        return runner.submit(s -> runner.operations().drop(s, client.clock().millis())).seq();
    }

    public CompletableFuture<Long> dropAsync() {
        return client.async(this::drop);
    }

    /** An owner's action: refused first if this member can no longer act, then if it is not the owner. */
    private void mayAct(String action) throws ZrtException {
        SessionRunner.requireActive(runner.state());
        Permissions.requireOwner(runner.state(), action);
    }

    SessionRunner runner() {
        return runner;
    }

    Identity identity() {
        return identity;
    }

    @Override
    public String toString() {
        return "GroupSession[" + runner.state() + "]";
    }
}
