package io.zrt.bench.load;

import io.zrt.client.GroupSession;
import io.zrt.client.Identity;
import io.zrt.client.Invitation;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.MessageListener;
import io.zrt.client.PrekeyBundle;
import io.zrt.client.Subscription;
import io.zrt.client.ZrtClient;
import io.zrt.client.ZrtException;
import java.util.ArrayList;
import java.util.List;

/**
 * M groups of N members made through the SDK: the owner creates each group with the other N − 1 members as
 * initial members (identified X3DH invites), each member accepts its invite (checked against the owner's
 * pinned key, then its join key update), and everyone catches up. Every member is its own application with its
 * own {@link ZrtClient} (and so its own live connection), as members on separate devices would be.
 */
final class LoadGroups implements AutoCloseable {

    /** One simulated member: its client, its session and (once subscribed) its live subscription. */
    static final class Member {
        final int group;
        final int index;
        final ZrtClient client;
        final GroupSession session;
        volatile Subscription subscription;

        Member(int group, int index, ZrtClient client, GroupSession session) {
            this.group = group;
            this.index = index;
            this.client = client;
            this.session = session;
        }
    }

    private final List<List<Member>> groups = new ArrayList<>();
    private final List<ZrtClient> clients = new ArrayList<>();

    private LoadGroups() {
    }

    static LoadGroups create(StackEndpoints stack, int groupCount, int memberCount) throws ZrtException {
        LoadGroups made = new LoadGroups();
        try {
            for (int g = 0; g < groupCount; g++) {
                made.groups.add(made.createGroup(stack, g, memberCount));
            }
            for (List<Member> group : made.groups) {
                for (Member member : group) {
                    member.session.sync(); // everyone sees every join before the load starts
                }
            }
            return made;
        } catch (ZrtException | RuntimeException e) {
            made.close();
            throw e;
        }
    }

    private List<Member> createGroup(StackEndpoints stack, int g, int memberCount) throws ZrtException {
        Identity owner = Identity.generate();
        List<Identity> others = new ArrayList<>();
        List<PrekeyBundle> bundles = new ArrayList<>();
        for (int i = 1; i < memberCount; i++) {
            Identity identity = Identity.generate();
            others.add(identity);
            bundles.add(identity.prekeyBundle());
        }
        ZrtClient ownerClient = client(stack);
        ZrtClient.CreatedGroup created = ownerClient.createGroup(owner, "owner-" + g, "load group " + g, bundles);
        List<Member> members = new ArrayList<>();
        members.add(new Member(g, 0, ownerClient, created.session()));
        for (int i = 0; i < others.size(); i++) {
            Invitation invitation = created.invitations().get(i);
            ZrtClient memberClient = client(stack);
            GroupSession session = memberClient.acceptInvite(others.get(i), "member-" + g + "-" + (i + 1),
                    invitation.invite(), owner.publicKeyBytes());
            members.add(new Member(g, i + 1, memberClient, session));
        }
        return members;
    }

    private ZrtClient client(StackEndpoints stack) {
        ZrtClient client = ZrtClient.builder().nodeUrl(stack.nodeUrl()).transistorUrl(stack.transistorUrl())
                .centrifugoUrl(stack.centrifugoUrl()).keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
        clients.add(client);
        return client;
    }

    /** Sets every session's key-update policy (the senders' behaviour during the measurement). */
    void useKeyUpdatePolicy(KeyUpdatePolicy policy) {
        all().forEach(member -> member.session.keyUpdatePolicy(policy));
    }

    /** Opens one live subscription per member; {@code listenerOf} gives each member its listener. */
    void subscribeAll(java.util.function.Function<Member, MessageListener> listenerOf) throws ZrtException {
        for (Member member : all()) {
            member.subscription = member.session.subscribe(listenerOf.apply(member));
        }
    }

    /** Waits (bounded) until every subscription reports an open connection. */
    boolean awaitConnected(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (all().stream().allMatch(m -> m.subscription != null && m.subscription.isConnected())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    List<Member> all() {
        return groups.stream().flatMap(List::stream).toList();
    }

    int groupCount() {
        return groups.size();
    }

    List<Member> group(int g) {
        return groups.get(g);
    }

    /** Subscription (re)connections beyond the first one of each member. */
    int reconnections() {
        return all().stream().mapToInt(m -> m.subscription == null ? 0 : Math.max(0,
                m.subscription.connections() - 1)).sum();
    }

    /** The highest epoch any session reached (how much the key-update policy moved the groups). */
    long maxEpoch() {
        return all().stream().mapToLong(m -> m.session.epoch()).max().orElse(0);
    }

    @Override
    public void close() {
        for (Member member : all()) {
            if (member.subscription != null) {
                member.subscription.close();
            }
        }
        clients.forEach(ZrtClient::close);
        clients.clear();
    }
}
