package io.zrt.client;

import io.zrt.client.internal.Creation;
import io.zrt.client.internal.Http;
import io.zrt.client.internal.Invites;
import io.zrt.client.internal.Joining;
import io.zrt.client.internal.LiveConnection;
import io.zrt.client.internal.NodeApi;
import io.zrt.client.internal.Operations;
import io.zrt.client.internal.SessionEngine;
import io.zrt.client.internal.SessionState;
import io.zrt.client.internal.StateCodec;
import io.zrt.client.internal.TransistorApi;
import io.zrt.client.internal.TreeWire;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.ArtException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Entry point of the SDK: one immutable, thread-safe client per application, built once with {@link #builder()},
 * that creates, joins and restores {@link GroupSession}s. {@link #close()} stops live connections and threads.
 */
public final class ZrtClient implements AutoCloseable {

    private final NodeApi node;
    private final TransistorApi transistor;
    private final String centrifugoUrl;
    private final Http http;
    private final Retries retries;
    private final KeyUpdatePolicy defaultPolicy;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    private ZrtClient(Builder b) {
        this.http = new Http(b.timeouts, b.retries);
        this.node = new NodeApi(http, b.nodeUrl);
        this.transistor = b.transistorUrl == null ? null : new TransistorApi(http, b.transistorUrl);
        this.centrifugoUrl = b.centrifugoUrl;
        this.retries = b.retries;
        this.defaultPolicy = b.keyUpdatePolicy;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "zrt-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates a group owned by {@code owner}. */
    public GroupSession createGroup(Identity owner, String ownerName, String groupName) throws ZrtException {
        return createGroup(owner, ownerName, groupName, List.of()).session();
    }

    /** A new group and one identified invitation per initial member, in order. */
    public record CreatedGroup(GroupSession session, List<Invitation> invitations) {
    }

    /** Creates a group whose initial tree already holds the given members (invited with X3DH). */
    public CreatedGroup createGroup(Identity owner, String ownerName, String groupName,
            List<PrekeyBundle> initialMembers) throws ZrtException {
        Creation.Created created;
        try {
            created = Creation.create(owner.keyPair(), ownerName, groupName, initialMembers, TreeWire.ART, random,
                    clock.millis());
        } catch (VerificationException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.INVITE,
                    "a prekey bundle's signature does not verify");
        } catch (ArtException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.TREE, e.getMessage());
        }
        NodeApi.Posted posted = node.postFrame(created.state().groupId(), created.initFrame());
        if (posted.seq() != 0 || posted.epoch() != 0) {
            throw new NetworkException("Node placed the init frame at seq " + posted.seq());
        }
        GroupSession session = session(owner, created.state());
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < initialMembers.size(); i++) {
            invitations.add(new Invitation(created.invites().get(i), initialMembers.get(i).userId(),
                    created.leaves().get(i)));
        }
        return new CreatedGroup(session, invitations);
    }

    public CompletableFuture<GroupSession> createGroupAsync(Identity owner, String ownerName, String groupName) {
        return async(() -> createGroup(owner, ownerName, groupName));
    }

    /**
     * Joins with an identified invite: {@code expectedInviterKey} is the inviter's identity key as the application
     * knows it (out of band); an invite signed by anyone else is refused.
     */
    public GroupSession acceptInvite(Identity me, String myName, byte[] invite, byte[] expectedInviterKey)
            throws ZrtException {
        Invites.Opened opened = Invites.open(invite, expectedInviterKey, me.keyPair(), me.prekeyPair());
        return join(me, myName, opened);
    }

    public CompletableFuture<GroupSession> acceptInviteAsync(Identity me, String myName, byte[] invite,
            byte[] expectedInviterKey) {
        return async(() -> acceptInvite(me, myName, invite, expectedInviterKey));
    }

    /** Joins with an unidentified invite: takes (and thereby deletes) the Transistor transfer, decrypts, joins. */
    public GroupSession acceptInvite(Identity me, String myName, InviteTicket ticket, byte[] expectedInviterKey)
            throws ZrtException {
        String data = requireTransistor().takeTransfer(ticket.transferId());
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("invite transfer is not base64url");
        }
        byte[] invite = Invites.openFromTransfer(sealed, SecretBytes.copyOf(ticket.key()), ticket.transferId());
        return acceptInvite(me, myName, invite, expectedInviterKey);
    }

    public CompletableFuture<GroupSession> acceptInviteAsync(Identity me, String myName, InviteTicket ticket,
            byte[] expectedInviterKey) {
        return async(() -> acceptInvite(me, myName, ticket, expectedInviterKey));
    }

    private GroupSession join(Identity me, String myName, Invites.Opened opened) throws ZrtException {
        SessionState state = Joining.bootstrap(node, opened, me.userId(), clock.millis());
        GroupSession session = session(me, state);
        session.sync();
        session.announceJoin(myName);
        return session;
    }

    /** Restores a session from {@link GroupSession#serialize()}; the identity must be the one it belongs to. */
    public GroupSession restore(Identity me, byte[] serialized) throws ZrtException {
        SessionState state = StateCodec.decode(serialized);
        if (!state.myUserId().equals(me.userId())) {
            throw new StateFormatException("session state belongs to another identity");
        }
        var mine = state.members().get(state.myLeaf());
        if (mine != null && !mine.getIdentityKey().isEmpty()
                && !MessageDigest.isEqual(mine.getIdentityKey().toByteArray(), me.publicKeyBytes())) {
            throw new StateFormatException("session state's member entry names another identity key");
        }
        return session(me, state);
    }

    private GroupSession session(Identity me, SessionState state) {
        SessionEngine engine = new SessionEngine(state, node, new Operations(me.keyPair(), random), retries,
                defaultPolicy, clock);
        return new GroupSession(this, me, engine);
    }

    Subscription live(GroupSession session, SessionEngine engine, MessageListener listener) throws ZrtException {
        if (centrifugoUrl == null) {
            throw new NetworkException("no Centrifugo URL configured for live updates");
        }
        return LiveConnection.start(http, node, centrifugoUrl, engine, listener::onMessage, listener::onError,
                executor);
    }

    TransistorApi transistor() throws NetworkException {
        return requireTransistor();
    }

    private TransistorApi requireTransistor() throws NetworkException {
        if (transistor == null) {
            throw new NetworkException("no Transistor URL configured");
        }
        return transistor;
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    /** A blocking call run on the client's threads; failures complete the future with the ZrtException. */
    interface Call<T> {
        T run() throws ZrtException;
    }

    <T> CompletableFuture<T> async(Call<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (ZrtException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.close();
    }

    /** Configuration; every setter returns the builder. */
    public static final class Builder {
        private String nodeUrl;
        private String transistorUrl;
        private String centrifugoUrl;
        private Timeouts timeouts = Timeouts.defaults();
        private Retries retries = Retries.defaults();
        private KeyUpdatePolicy keyUpdatePolicy = KeyUpdatePolicy.afterOthersSpoke();

        private Builder() {
        }

        public Builder nodeUrl(String url) {
            this.nodeUrl = Objects.requireNonNull(url);
            return this;
        }

        public Builder transistorUrl(String url) {
            this.transistorUrl = url;
            return this;
        }

        public Builder centrifugoUrl(String url) {
            this.centrifugoUrl = url;
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts);
            return this;
        }

        public Builder retries(Retries retries) {
            this.retries = Objects.requireNonNull(retries);
            return this;
        }

        /** The default policy of new sessions (each session can change its own). */
        public Builder keyUpdatePolicy(KeyUpdatePolicy policy) {
            this.keyUpdatePolicy = Objects.requireNonNull(policy);
            return this;
        }

        public ZrtClient build() {
            if (nodeUrl == null) {
                throw new IllegalStateException("nodeUrl is required");
            }
            return new ZrtClient(this);
        }
    }
}
