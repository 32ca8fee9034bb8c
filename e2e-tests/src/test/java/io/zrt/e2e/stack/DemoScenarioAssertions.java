package io.zrt.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.demo.DemoConversation;

/** What the demo conversation must show, whichever infrastructure runs it. */
final class DemoScenarioAssertions {

    private static final String AFTER_REMOVAL = DemoConversation.SECRET_AFTER_REMOVAL;

    private DemoScenarioAssertions() {
    }

    static void check(DemoConversation.Outcome outcome, boolean live) {
        assertThat(outcome.bobWasLive()).isEqualTo(live);
        // Bob reads everyone else's messages, in order, exactly once (live: over SSE only).
        assertThat(outcome.bobRead()).containsExactly("Hello Bob and Carol!", "Hi both!", AFTER_REMOVAL);
        assertThat(outcome.aliceRead()).containsExactly("Hi Alice, Bob here.", "Hi both!");
        // Carol read what was said while she was a member and nothing after her removal.
        assertThat(outcome.carolRead()).containsExactly("Hello Bob and Carol!", "Hi Alice, Bob here.");
        assertThat(outcome.carolStatus()).isEqualTo(io.zrt.client.GroupStatus.REMOVED);
        // epochs after init: 2 adds, 2 joins, Bob's and Carol's policy updates, Alice's update, the removal
        assertThat(outcome.finalEpoch()).isEqualTo(8);
    }
}
