package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupIdTest {

    @Test
    void textFormIsTheCanonicalUuidOfTheBytes() throws Exception {
        byte[] bytes = HexFormat.of().parseHex("0f8fad5bd9cb469fa16570867728950e");
        GroupId id = GroupId.ofBytes(bytes);
        assertThat(id.text()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(GroupId.parse(id.text())).isEqualTo(id);
        assertThat(GroupId.parse(id.text()).toBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5bd9cb469fa16570867728950e",
            "{0f8fad5b-d9cb-469f-a165-70867728950e}", "0f8fad5b-d9cb-469f-a165-70867728950", "zf8fad5b-d9cb-469f-a165-70867728950e"})
    void refusesEveryOtherSpelling(String text) {
        assertThatThrownBy(() -> GroupId.parse(text)).isInstanceOf(FrameRejectedException.class)
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.INVALID_FIELD);
    }
}
