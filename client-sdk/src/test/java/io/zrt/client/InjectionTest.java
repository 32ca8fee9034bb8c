package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zrt.testkit.faults.FaultProxy;
import io.zrt.testkit.faults.FaultProxy.Action;
import io.zrt.testkit.faults.FaultProxy.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * What the application injects is what the SDK uses: its OkHttp client (an interceptor adding a request id
 * header sees every call), its clock (payload timestamps), its executor (async calls), and cancelling an
 * {@code …Async} call ends the HTTP exchange in flight at once.
 */
class InjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theApplicationsOkHttpClientAndClockAreUsed() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient app = new OkHttpClient.Builder().addInterceptor(chain -> {
            seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
            return chain.proceed(chain.request().newBuilder().header("X-Request-Id", "test-" + seen.size()).build());
        }).build();
        Clock fixed = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        try (ZrtClient withApp = Services.client().okHttpClient(app).clock(fixed)
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
                ZrtClient other = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = withApp.createGroup(alice, "Alice", "injected",
                    List.of(bob.prekeyBundle()));
            GroupSession b = other.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            created.session().sendChat("stamped");
            GroupMessage received = b.sync().stream().filter(m -> m.chats().contains("stamped")).findFirst()
                    .orElseThrow();
            assertThat(received.sentAtMillis()).isEqualTo(fixed.millis());
            assertThat(seen).anyMatch(call -> call.startsWith("POST /v1/group/"))
                    .anyMatch(call -> call.startsWith("GET /v1/group/"));
        }
        assertThat(app.dispatcher().executorService().isShutdown()).as("the application's client is left alone")
                .isFalse();
    }

    @Test
    void cancellingAnAsyncCallEndsTheExchangeInFlightAndTheOperationStaysConsistent() throws Exception {
        ThreadPoolExecutor app = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        try (FaultProxy proxy = FaultProxy.start(Services.node().url());
                ZrtClient held = ZrtClient.builder().nodeUrl(proxy.url()).executor(app)
                        .keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
                ZrtClient direct = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = direct.createGroup(alice, "Alice", "cancel", List.of(bob.prekeyBundle()));
            GroupSession a = created.session();
            GroupSession b = held.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            proxy.inject(Fault.of("POST", "/v1/group/[^/]+/frames", Action.HOLD_REQUEST, 1));
            CompletableFuture<Long> send = b.sendChatAsync("cancelled in flight");
            assertThat(proxy.awaitHeld(WAIT)).isNotNull();
            assertThat(send.cancel(true)).isTrue();
            // the SDK's task returns at once instead of waiting out the 15 s read timeout and retrying
            await().atMost(Duration.ofSeconds(5)).until(() -> app.getActiveCount() == 0);
            assertThat(send).isCancelled();
            proxy.clear(); // the held request never reaches the Node

            // posted with an unknown outcome: it stays pending, and the next sync posts it again, once
            assertThat(b.pendingOperations()).hasSize(1);
            b.sync();
            assertThat(b.pendingOperations()).isEmpty();
            assertThat(a.sync()).flatExtracting(GroupMessage::chats).containsExactly("cancelled in flight");
        } finally {
            app.shutdownNow();
        }
    }
}
