package io.zrt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatStampTest {

    @Test
    void theSendTimeSurvivesTheText() {
        ChatStamp stamp = new ChatStamp(true, 42, -123_456_789_012L); // nanoTime may be negative

        String text = stamp.text();

        assertThat(text).hasSize(ChatStamp.TEXT_LENGTH);
        assertThat(ChatStamp.parse(text)).contains(stamp);
    }

    @Test
    void warmUpMessagesAreMarkedAsSuch() {
        assertThat(ChatStamp.parse(new ChatStamp(false, 1, 99).text()))
                .hasValueSatisfying(s -> assertThat(s.measured()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "zrt-load:", "zrt-load:m:1:2", "zrt-load:x:1:2:..", "zrt-load:m:one:2:..",
            "zrt-load:m:1:two:..", "zrt-load:m:-1:2:..", "zrt-load:m:1:99999999999999999999:.."})
    void anythingElseIsNotAStamp(String text) {
        assertThat(ChatStamp.parse(text)).isEmpty();
    }

    @Test
    void nullIsNotAStamp() {
        assertThat(ChatStamp.parse(null)).isEmpty();
    }
}
