package com.example.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.zrt.client.Identity;
import io.zrt.client.StateKey;
import io.zrt.client.ZrtClient;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Runs the SDK on the class path Maven resolved from the published POMs (crypto, protobuf, OkHttp, Jackson). */
class GreeterTest {

    @Test
    void anIdentitySurvivesExportAndImport() throws Exception {
        Identity original = Identity.generate();
        StateKey key = StateKey.generate("test-key", new SecureRandom());
        Identity restored = Identity.importFrom(original.export(key), key);
        assertEquals(original.userId(), restored.userId());
        assertArrayEquals(original.publicKeyBytes(), restored.publicKeyBytes());
        assertNotNull(Greeter.restoredIdentity().prekeyBundle());
    }

    @Test
    void aClientIsBuiltAndClosed() {
        try (ZrtClient client = Greeter.client("http://127.0.0.1:9", "http://127.0.0.1:9")) {
            assertNotNull(client);
        }
    }
}
