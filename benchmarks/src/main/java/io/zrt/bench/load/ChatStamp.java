package io.zrt.bench.load;

import java.util.Optional;

/**
 * The text of a load-test chat message: which phase it belongs to, a message number, and the sender's
 * {@link System#nanoTime()} just before the send started (sender and receivers live in this one JVM, so the
 * clock is shared), padded to a typical chat length. Receivers read the send time back from the decrypted text.
 *
 * @param measured   false for warm-up messages, which are delivered but not counted
 * @param number     the message's number in the run
 * @param sentNanos  {@code System.nanoTime()} before the send
 */
record ChatStamp(boolean measured, long number, long sentNanos) {

    private static final String PREFIX = "zrt-load:";
    static final int TEXT_LENGTH = 120;

    String text() {
        StringBuilder text = new StringBuilder(PREFIX).append(measured ? 'm' : 'w').append(':').append(number)
                .append(':').append(sentNanos).append(':');
        while (text.length() < TEXT_LENGTH) {
            text.append('.');
        }
        return text.toString();
    }

    /** The stamp inside {@code text}, or empty for anything that is not a well-formed load-test message. */
    static Optional<ChatStamp> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split(":", 4);
        if (parts.length != 4 || !(parts[0].equals("m") || parts[0].equals("w"))) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(parts[1]);
            long sent = Long.parseLong(parts[2]);
            if (number < 0) {
                return Optional.empty();
            }
            return Optional.of(new ChatStamp(parts[0].equals("m"), number, sent));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
