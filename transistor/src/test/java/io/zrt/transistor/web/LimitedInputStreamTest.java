package io.zrt.transistor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void passesUpToTheLimitAndFailsOnTheNextByte() throws Exception {
        assertThat(new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10).readAllBytes()).hasSize(10);
        LimitedInputStream over = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("too_large"));
        LimitedInputStream single = new LimitedInputStream(new ByteArrayInputStream(new byte[2]), 1);
        assertThat(single.read()).isZero();
        assertThatThrownBy(single::read).isInstanceOf(ApiException.class);
    }

    @Test
    void idsMustBeCanonicalUuids() {
        assertThat(Ids.parse("3F1C2B6E-1A2B-4C3D-8E9F-0A1B2C3D4E5F").toString())
                .isEqualTo("3f1c2b6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
        for (String bad : new String[] {"", "1-1-1-1-1", "3f1c2b6e1a2b4c3d8e9f0a1b2c3d4e5f", "zzzzzzzz-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}) {
            assertThatThrownBy(() -> Ids.parse(bad)).isInstanceOf(ApiException.class);
        }
    }
}
