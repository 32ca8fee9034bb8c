package io.zrt.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the SDK gets its {@link StateKey}s: the current one seals every record written, and older ones (found by
 * the id a record names) still open what they sealed, so a key can be rotated without losing anything
 * (docs/client-sdk.md, "Key rotation"). Applications backed by a platform keystore implement this themselves.
 */
public interface StateKeys {

    /** The key that seals new records. */
    StateKey current();

    /** The key of this id (the current one included), or empty if it is not held. */
    Optional<StateKey> find(String id);

    /** A fixed set: {@code current} seals, {@code older} keys only open. Ids must be distinct. */
    static StateKeys of(StateKey current, StateKey... older) {
        Objects.requireNonNull(current, "current");
        Map<String, StateKey> byId = new HashMap<>();
        for (StateKey key : concat(current, older)) {
            if (byId.put(Objects.requireNonNull(key, "key").id(), key) != null) {
                throw new IllegalArgumentException("two state keys share the id " + key.id());
            }
        }
        return new StateKeys() {
            @Override
            public StateKey current() {
                return current;
            }

            @Override
            public Optional<StateKey> find(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public String toString() {
                return "StateKeys[current=" + current.id() + ", " + byId.size() + " keys, secrets redacted]";
            }
        };
    }

    private static List<StateKey> concat(StateKey first, StateKey[] rest) {
        StateKey[] all = new StateKey[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return List.of(all);
    }
}
