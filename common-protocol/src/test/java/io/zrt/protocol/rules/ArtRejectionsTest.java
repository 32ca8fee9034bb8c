package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.art.ArtException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArtRejectionsTest {

    @Test
    void everyArtRejectionHasItsOwnSpecificCode() throws Exception {
        Class<?>[] permitted = ArtException.class.getPermittedSubclasses();
        assertThat(permitted).isNotEmpty();
        Set<Rejection> seen = new HashSet<>();
        for (Class<?> type : permitted) {
            ArtException e = (ArtException) type.getConstructor(String.class).newInstance("detail of " + type);
            FrameRejectedException mapped = ArtRejections.of(e);
            assertThat(mapped.rejection()).as(type.getSimpleName()).isNotEqualTo(Rejection.INVALID_TREE_CHANGE);
            assertThat(seen.add(mapped.rejection())).as("code of " + type.getSimpleName() + " is unique").isTrue();
            assertThat(mapped.getMessage()).isEqualTo("detail of " + type);
            assertThat(mapped.getCause()).isSameAs(e);
        }
    }

    @Test
    void codesAreUniqueAndFoundByName() {
        Set<String> codes = new HashSet<>();
        for (Rejection r : Rejection.values()) {
            assertThat(codes.add(r.code())).as(r.code()).isTrue();
            assertThat(Rejection.ofCode(r.code())).contains(r);
        }
        assertThat(Rejection.ofCode("no_such_code")).isEmpty();
    }
}
