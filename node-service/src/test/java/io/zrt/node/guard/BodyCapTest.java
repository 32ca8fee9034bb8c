package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 4: every endpoint has a body cap checked before the body is parsed. A declared length over the
 * cap is answered 413 without the body ever being sent (the raw-socket client below sends only the headers and
 * then waits for the answer: a Node that read the body first would never answer); a body of unknown length is
 * read only up to the cap.
 */
class BodyCapTest extends NodeTestBase {

    private static final int TWENTY_MB = 20 * 1024 * 1024;

    @Test
    void aDeclaredLengthOverTheCapIs413BeforeTheBodyIsSent() throws IOException {
        String group = GroupDriver.create().id().text();
        assertRefusedUnread("POST", "/v1/push/token", "application/json", TWENTY_MB, "body_too_large");
        assertRefusedUnread("POST", "/v1/group/" + group + "/frames", "application/x-protobuf", 2 * 1024 * 1024,
                "frame_too_large");
        assertRefusedUnread("GET", "/v1/group/" + group + "/status", "application/json", TWENTY_MB,
                "body_too_large");
        assertThat(metric("zrt_node_guard_refused_total", "reason=\"body_too_large\"")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStreamedBodyIsReadOnlyUpToTheCap() {
        NodeClient.Response push = streamed("/v1/push/token", "application/json", 100 * 1024);
        assertThat(push.status()).isEqualTo(413);
        assertThat(push.code()).isEqualTo("body_too_large");
        assertThat(push.contentType()).startsWith("application/problem+json");
        NodeClient.Response frame = streamed("/v1/group/" + GroupDriver.create().id().text() + "/frames",
                "application/x-protobuf", 1024 * 1024 + 1);
        assertThat(frame.status()).isEqualTo(413);
        assertThat(frame.code()).isEqualTo("frame_too_large");
    }

    @Test
    void bodiesWithinTheCapAreParsedAsBefore() {
        NodeClient.Response push = streamed("/v1/push/token", "application/json", 60 * 1024);
        assertThat(push.status()).isEqualTo(400);
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
    }

    private NodeClient.Response streamed(String path, String contentType, int length) {
        byte[] body = new byte[length];
        java.util.Arrays.fill(body, (byte) '[');
        // ofInputStream has no length: the client sends the body chunked, without a Content-Length.
        return client.send(path, b -> b.header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** Sends only the request head (declaring {@code length} bytes), then reads the answer. */
    private void assertRefusedUnread(String method, String path, String contentType, int length, String code)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000); // a Node that waited for the body would fail the test here
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());
            assertThat(answer).as(method + " " + path).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json").contains("\"code\":\"" + code + "\"");
        }
    }

    /** The status line, headers and whatever of the body arrived with them (the problem document is small). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            if (text.indexOf("\r\n\r\n") >= 0 && text.indexOf("}") > text.indexOf("\r\n\r\n")) {
                break;
            }
        }
        return text.toString();
    }
}
