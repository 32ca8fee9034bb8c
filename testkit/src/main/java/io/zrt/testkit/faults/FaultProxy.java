package io.zrt.testkit.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 reverse proxy on loopback in front of a real service, for fault injection: each request is read
 * whole, matched against the queued {@link Fault}s, and then forwarded (or not) with one connection per request.
 * Faults a real network and a real server produce — and that a test cannot otherwise time: the answer lost after
 * the service acted on the request, a connection reset before or after forwarding, 503/429 storms with
 * Retry-After, a stall past the client's timeout, a request or an answer held until the test lets go (to kill a
 * client at that very point). Every exchange is recorded with what the upstream answered.
 *
 * <p>Only what the SDK's REST calls need is supported: requests with a Content-Length or chunked body, answers
 * relayed byte for byte until the upstream closes (the proxy asks for {@code Connection: close}). Streams
 * (server-sent events) are not proxied.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    /** What happens to a matching request. */
    public enum Action {
        /** Forwarded; the upstream's answer is dropped and the connection closed (the client sees EOF). */
        LOSE_RESPONSE,
        /** Not forwarded; the connection is reset. */
        RESET_BEFORE,
        /** Forwarded; then the connection is reset instead of answering. */
        RESET_AFTER,
        /** Not forwarded; answered with the fault's status, headers and body. */
        RESPOND,
        /** Held for the fault's delay, then forwarded (a client with a shorter read timeout gave up). */
        STALL,
        /** Not forwarded; held until {@link #releaseHeld()} (then forwarded) or {@link #dropHeld()}. */
        HOLD_REQUEST,
        /** Forwarded; the answer is held until {@link #releaseHeld()} (then sent) or {@link #dropHeld()}. */
        HOLD_RESPONSE
    }

    /**
     * One injected fault: requests whose method and path match ({@code pathPattern} is a regex over the path
     * without the query) get {@code action}, {@code times} times.
     */
    public record Fault(String method, String pathPattern, Action action, int times, int status, String headers,
            String body, Duration delay) {

        public static Fault of(String method, String pathPattern, Action action, int times) {
            return new Fault(method, pathPattern, action, times, 0, "", "", Duration.ZERO);
        }

        /** {@code times} answers with this status, {@code Retry-After: retryAfterSeconds} and a problem body. */
        public static Fault respond(String method, String pathPattern, int status, int retryAfterSeconds, int times) {
            String code = status == 429 ? "rate_limited" : status == 503 ? "busy" : "injected";
            return new Fault(method, pathPattern, Action.RESPOND, times, status,
                    "Retry-After: " + retryAfterSeconds + "\r\n",
                    "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"injected by the test\"}",
                    Duration.ZERO);
        }

        public static Fault stall(String method, String pathPattern, Duration delay, int times) {
            return new Fault(method, pathPattern, Action.STALL, times, 0, "", "", delay);
        }
    }

    /** A recorded exchange: {@code upstreamStatus} is -1 when the request was not forwarded (or got no answer). */
    public record Exchange(String method, String path, Action fault, int upstreamStatus) {
    }

    /** A request (or its answer) being held: {@code answered} tells whether the upstream already acted on it. */
    public record Held(String method, String path, boolean answered, int upstreamStatus) {
    }

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final List<MutableFault> faults = new ArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    private static final class MutableFault {
        final Fault fault;
        final Pattern path;
        int left;

        MutableFault(Fault fault) {
            this.fault = fault;
            this.path = Pattern.compile(fault.pathPattern());
            this.left = fault.times();
        }
    }

    private FaultProxy(String upstreamUrl) throws IOException {
        URI uri = URI.create(upstreamUrl);
        this.upstreamHost = uri.getHost();
        this.upstreamPort = uri.getPort();
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code upstreamUrl} ({@code http://host:port}). */
    public static FaultProxy start(String upstreamUrl) {
        try {
            return new FaultProxy(upstreamUrl);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public synchronized FaultProxy inject(Fault fault) {
        faults.add(new MutableFault(fault));
        return this;
    }

    /** Drops every fault not used up yet and every held exchange (neither forwarded nor answered). */
    public synchronized void clear() {
        faults.clear();
        dropHeld();
    }

    /** True once every injected fault was used up. */
    public synchronized boolean faultsUsedUp() {
        return faults.stream().allMatch(f -> f.left <= 0);
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Exchanges of this method whose path matches, in order. */
    public List<Exchange> exchanges(String method, String pathPattern) {
        Pattern pattern = Pattern.compile(pathPattern);
        return exchanges.stream().filter(e -> e.method().equals(method) && pattern.matcher(e.path()).matches())
                .toList();
    }

    /** The next request (or answer) held by a HOLD fault, waiting at most {@code timeout}; null if none came. */
    public Held awaitHeld(Duration timeout) throws InterruptedException {
        return held.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every held request or answer go on (forwarded, or answered). */
    public void releaseHeld() {
        endHolds(true);
    }

    /** Ends every held exchange without forwarding or answering it (its connection is closed). */
    public void dropHeld() {
        endHolds(false);
    }

    private void endHolds(boolean proceed) {
        for (Hold hold : holds) {
            hold.proceed = proceed;
            hold.latch.countDown();
        }
        holds.clear();
    }

    /** One held exchange, waiting for the test. */
    private static final class Hold {
        final CountDownLatch latch = new CountDownLatch(1);
        volatile boolean proceed;
    }

    /** Parks the exchange until the test releases or drops it; true to go on. */
    private boolean hold(Held what) throws InterruptedException {
        Hold hold = new Hold();
        holds.add(hold);
        held.add(what);
        hold.latch.await();
        return hold.proceed && open;
    }

    private synchronized Fault match(String method, String path) {
        for (MutableFault f : faults) {
            if (f.left > 0 && f.fault.method().equalsIgnoreCase(method) && f.path.matcher(path).matches()) {
                f.left--;
                return f.fault;
            }
        }
        return null;
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread thread = new Thread(() -> serve(client), "fault-proxy-exchange");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Request request = Request.read(client.getInputStream());
            if (request == null) {
                return;
            }
            Fault fault = match(request.method, request.path);
            Action action = fault == null ? null : fault.action();
            if (action == Action.RESET_BEFORE) {
                exchanges.add(new Exchange(request.method, request.path, action, -1));
                reset(client);
                return;
            }
            if (action == Action.RESPOND) {
                exchanges.add(new Exchange(request.method, request.path, action, -1));
                byte[] body = fault.body().getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + fault.status() + " Injected\r\nContent-Type: application/problem+json\r\n"
                        + fault.headers() + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
                OutputStream out = client.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            if (action == Action.STALL) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (action == Action.HOLD_REQUEST && !hold(new Held(request.method, request.path, false, -1))) {
                exchanges.add(new Exchange(request.method, request.path, action, -1));
                return;
            }
            byte[] answer = forward(request);
            int status = statusOf(answer);
            exchanges.add(new Exchange(request.method, request.path, action, status));
            if (action == Action.LOSE_RESPONSE) {
                return; // closing without a byte: the client sees the connection end
            }
            if (action == Action.RESET_AFTER) {
                reset(client);
                return;
            }
            if (action == Action.HOLD_RESPONSE && !hold(new Held(request.method, request.path, true, status))) {
                return;
            }
            OutputStream out = client.getOutputStream();
            out.write(answer);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away (killed, timed out): nothing to answer
        } finally {
            sockets.remove(client);
        }
    }

    private byte[] forward(Request request) throws IOException {
        try (Socket upstream = new Socket(upstreamHost, upstreamPort)) {
            sockets.add(upstream);
            OutputStream out = upstream.getOutputStream();
            StringBuilder head = new StringBuilder(request.requestLine).append("\r\n");
            for (String[] header : request.headers) {
                String name = header[0].toLowerCase(Locale.ROOT);
                if (name.equals("connection") || name.equals("keep-alive") || name.equals("host")
                        || name.equals("content-length") || name.equals("transfer-encoding")) {
                    continue;
                }
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            head.append("Host: ").append(upstreamHost).append(':').append(upstreamPort).append("\r\n");
            head.append("Connection: close\r\n");
            if (request.body.length > 0 || request.hasBody) {
                head.append("Content-Length: ").append(request.body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body);
            out.flush();
            return upstream.getInputStream().readAllBytes();
        } finally {
            sockets.removeIf(Socket::isClosed);
        }
    }

    private static int statusOf(byte[] answer) {
        String line = new String(answer, 0, Math.min(answer.length, 64), StandardCharsets.ISO_8859_1);
        String[] parts = line.split(" ", 3);
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() {
        open = false;
        dropHeld();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }

    @Override
    public String toString() {
        return "FaultProxy[" + url() + " -> " + upstreamHost + ":" + upstreamPort + "]";
    }

    /** A request read whole from the client. */
    private static final class Request {
        String requestLine;
        String method;
        String path;
        final List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        boolean hasBody;

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                headBytes.write(b);
                last4 = (last4 << 8) | b;
                if (headBytes.size() > MAX_HEAD) {
                    throw new IOException("request head too large");
                }
            }
            String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Request r = new Request();
            r.requestLine = lines[0];
            String[] parts = lines[0].split(" ");
            if (parts.length < 3) {
                throw new IOException("not an HTTP request line");
            }
            r.method = parts[0];
            String target = parts[1];
            int query = target.indexOf('?');
            r.path = query < 0 ? target : target.substring(0, query);
            long length = 0;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim();
                String value = lines[i].substring(colon + 1).trim();
                r.headers.add(new String[] {name, value});
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                    r.hasBody = true;
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.toLowerCase(Locale.ROOT)
                        .contains("chunked")) {
                    chunked = true;
                    r.hasBody = true;
                }
            }
            if (length > MAX_BODY) {
                throw new IOException("request body too large");
            }
            r.body = chunked ? readChunked(in) : in.readNBytes((int) length);
            return r;
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.writeBytes(in.readNBytes(size));
                line(in);
                if (body.size() > MAX_BODY) {
                    throw new IOException("request body too large");
                }
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    out.write(b);
                }
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
