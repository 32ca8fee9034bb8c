package com.example.app;

import io.zrt.client.Identity;
import io.zrt.client.ZrtClient;

/** What an application does first with the SDK: make an identity and a client for its services. */
public final class Greeter {

    private Greeter() {
    }

    /** A new identity, saved and restored the way an application keeps it between runs. */
    public static Identity restoredIdentity() throws Exception {
        Identity identity = Identity.generate();
        return Identity.importFrom(identity.export());
    }

    public static ZrtClient client(String nodeUrl, String transistorUrl) {
        return ZrtClient.builder().nodeUrl(nodeUrl).transistorUrl(transistorUrl).build();
    }
}
