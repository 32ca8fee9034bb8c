package io.zrt.demo;

import io.zrt.client.GroupMessage;
import io.zrt.client.GroupStatus;
import io.zrt.client.GroupSession;
import io.zrt.client.Identity;
import io.zrt.client.Invitation;
import io.zrt.client.InviteTicket;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.Member;
import io.zrt.client.Subscription;
import io.zrt.client.ZrtClient;
import io.zrt.client.ZrtException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The scenario README command 1 shows and e2e-tests checks: Alice creates a group, invites Bob with X3DH and
 * Carol through a read-once Transistor ticket, everyone talks, Bob's key update follows the reference policy,
 * Alice updates her key and removes Carol, and Carol cannot read what is said after that. With a Centrifugo
 * endpoint, Bob receives everything live over SSE instead of polling.
 */
public final class DemoConversation {

    /** Where the services are; {@code centrifugoUrl} is null when live push is off. */
    public record Endpoints(String nodeUrl, String transistorUrl, String centrifugoUrl) {
    }

    /** What each member ended up reading, for the test to check. */
    public record Outcome(List<String> aliceRead, List<String> bobRead, List<String> carolRead, GroupStatus carolStatus,
            long finalEpoch, boolean bobWasLive) {
    }

    public static final String SECRET_AFTER_REMOVAL = "Carol was removed and cannot read this";
    private static final Duration LIVE_WAIT = Duration.ofSeconds(20);

    private final ConversationLog log;

    public DemoConversation(ConversationLog log) {
        this.log = log;
    }

    public Outcome run(Endpoints endpoints) throws ZrtException, InterruptedException {
        ZrtClient.Builder builder = ZrtClient.builder()
                .nodeUrl(endpoints.nodeUrl())
                .transistorUrl(endpoints.transistorUrl())
                .keyUpdatePolicy(KeyUpdatePolicy.afterOthersSpoke());
        boolean live = endpoints.centrifugoUrl() != null;
        if (live) {
            builder.centrifugoUrl(endpoints.centrifugoUrl());
        }
        try (ZrtClient client = builder.build()) {
            return converse(client, live);
        }
    }

    private Outcome converse(ZrtClient client, boolean live) throws ZrtException, InterruptedException {
        log.heading("identities and the group");
        log.begin();
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        Identity carol = Identity.generate();
        log.done("all", "generated identity keys (Alice " + alice.userId() + ", Bob " + bob.userId()
                + ", Carol " + carol.userId() + ")");

        GroupSession a = client.createGroup(alice, "Alice", "zrt demo");
        log.done("Alice", "created group " + a.groupId() + " (epoch " + a.epoch() + ")");

        Invitation bobInvite = a.invite(bob.prekeyBundle());
        log.done("Alice", "invited Bob with X3DH on his published prekey (leaf " + bobInvite.leaf() + ")");
        GroupSession b = client.acceptInvite(bob, "Bob", bobInvite.invite(), alice.publicKeyBytes());
        log.done("Bob", "checked the invite against Alice's key, fetched the tree and joined");

        String ticket = a.inviteUnidentified().encode();
        log.done("Alice", "stored an encrypted, read-once invite on Transistor; the ticket goes out of band");
        GroupSession c = client.acceptInvite(carol, "Carol", InviteTicket.decode(ticket), alice.publicKeyBytes());
        log.done("Carol", "redeemed the ticket (Transistor deleted it on read) and joined");

        a.sync();
        b.sync();
        log.done("all", "caught up: members " + names(a.members()) + ", epoch " + a.epoch());

        List<String> bobLive = new CopyOnWriteArrayList<>();
        Subscription subscription = null;
        if (live) {
            subscription = b.subscribe(message -> {
                if (!message.fromMe()) {
                    message.chats().forEach(text -> {
                        bobLive.add(text);
                        log.note("Bob    <- live over SSE (seq " + message.seq() + "): \"" + text + "\"");
                    });
                }
            });
            log.done("Bob", "subscribed for live delivery (Node push token, Centrifugo uni_sse)");
        }
        List<String> aliceRead = new ArrayList<>();
        List<String> bobRead = new ArrayList<>();
        List<String> carolRead = new ArrayList<>();
        try {
            log.heading("messages both ways");
            send(a, "Alice", "Hello Bob and Carol!");
            receive(b, "Bob", bobRead, bobLive, live, 1);
            long before = b.epoch();
            send(b, "Bob", "Hi Alice, Bob here.");
            log.note("Bob's policy (update after others spoke) moved the group from epoch " + before + " to "
                    + b.epoch() + " before his message");
            carolRead.addAll(chats(c.sync()));
            log.done("Carol", "read " + quoted(carolRead));
            send(c, "Carol", "Hi both!");
            aliceRead.addAll(chats(a.sync()));
            log.done("Alice", "read " + quoted(aliceRead));
            receive(b, "Bob", bobRead, bobLive, live, 2);

            log.heading("key update and removal");
            a.keyUpdate();
            log.done("Alice", "updated her leaf key: epoch " + a.epoch());
            a.remove(carol.userId());
            log.done("Alice", "removed Carol: fresh leaf secret, Carol's leaf blank, epoch " + a.epoch());
            send(a, "Alice", SECRET_AFTER_REMOVAL);
            List<String> carolAfter = chats(c.sync());
            carolRead.addAll(carolAfter);
            log.done("Carol", "synced: session " + c.status() + ", read " + carolAfter.size()
                    + " new messages (the new epoch's keys are out of her reach)");
            receive(b, "Bob", bobRead, bobLive, live, 3);
        } finally {
            if (subscription != null) {
                subscription.close();
            }
        }
        if (live) {
            bobRead.clear();
            bobRead.addAll(bobLive);
        }
        return new Outcome(aliceRead, bobRead, carolRead, c.status(), a.epoch(), live);
    }

    private void send(GroupSession session, String who, String text) throws ZrtException {
        long seq = session.sendChat(text);
        log.done(who, "sent \"" + text + "\" (seq " + seq + ", epoch " + session.epoch() + ")");
    }

    /** Bob reads either live (waits for the pushes) or by polling the Node. */
    private void receive(GroupSession bob, String who, List<String> read, List<String> live, boolean isLive,
            int expected) throws ZrtException, InterruptedException {
        if (!isLive) {
            read.addAll(chats(bob.sync()));
            log.done(who, "read " + quoted(read));
            return;
        }
        long deadline = System.nanoTime() + LIVE_WAIT.toNanos();
        while (live.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        log.done(who, "has " + live.size() + " live message(s)");
    }

    private static List<String> chats(List<GroupMessage> messages) {
        return messages.stream().filter(m -> !m.fromMe()).flatMap(m -> m.chats().stream()).toList();
    }

    private static String names(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(List<String> texts) {
        return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
