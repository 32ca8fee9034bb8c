package io.zrt.bench.load;

/**
 * Where the services of the stack under load answer. {@code pushSecret} (the HMAC key the Node and Centrifugo
 * share) is only needed by the transport baseline, which signs its own Centrifugo connection token; it may be
 * null, and it never appears in {@link #toString()}. {@code relayUrl} (the relay's actuator) and
 * {@code nodeManagementUrl} (the Node's actuator, on its management port) are optional too.
 */
record StackEndpoints(String nodeUrl, String transistorUrl, String centrifugoUrl, String natsUrl, String relayUrl,
        String nodeManagementUrl, String pushSecret) {

    boolean canProbeTransport() {
        return natsUrl != null && pushSecret != null && !pushSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "node " + nodeUrl + ", transistor " + transistorUrl + ", centrifugo " + centrifugoUrl + ", nats "
                + natsUrl + (pushSecret == null ? " (no push secret)" : " (push secret set)");
    }
}
