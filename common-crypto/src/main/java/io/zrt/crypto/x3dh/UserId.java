package io.zrt.crypto.x3dh;

import io.zrt.crypto.Hashing;
import io.zrt.crypto.Hex;
import io.zrt.crypto.cortado.CortadoPoint;
import java.util.Arrays;

/** User id: lowercase hex of the first 16 bytes of SHA3-256(enc(identity public key)). */
public final class UserId {

    public static final int BYTES = 16;

    private UserId() {
    }

    public static String of(CortadoPoint identityPublicKey) {
        if (identityPublicKey.isInfinity()) {
            throw new IllegalArgumentException("identity key cannot be infinity");
        }
        byte[] digest = Hashing.sha3_256(identityPublicKey.encode());
        return Hex.encode(Arrays.copyOf(digest, BYTES));
    }
}
