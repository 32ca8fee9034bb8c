package com.example.app;

import io.zrt.client.Identity;
import io.zrt.client.StateKey;
import io.zrt.client.ZrtClient;
import java.security.SecureRandom;

/** What an application does first with the SDK: make an identity and a client for its services. */
public final class Greeter {

    private Greeter() {
    }

    /** A new identity, saved and restored the way an application keeps it between runs (sealed under its key). */
    public static Identity restoredIdentity() throws Exception {
        StateKey key = StateKey.generate("app-key-1", new SecureRandom());
        Identity identity = Identity.generate();
        return Identity.importFrom(identity.export(key), key);
    }

    public static ZrtClient client(String nodeUrl, String transistorUrl) {
        return ZrtClient.builder().nodeUrl(nodeUrl).transistorUrl(transistorUrl).build();
    }
}
