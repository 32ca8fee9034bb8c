package io.zrt.client;

/** The test services and a few session internals, for tests in other packages. */
public final class ServicesAccess {

    private ServicesAccess() {
    }

    public static String nodeUrl() {
        return Services.node().url();
    }

    public static String transistorUrl() {
        return Services.transistor().url();
    }

    public static ZrtClient.Builder client() {
        return Services.client();
    }

    /** Waits until everything the session queued for its listeners so far was delivered. */
    public static void awaitDeliveries(GroupSession session) throws InterruptedException {
        session.runner().awaitDeliveries();
    }
}
