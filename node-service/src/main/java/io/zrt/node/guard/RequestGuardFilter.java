package io.zrt.node.guard;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zrt.node.frames.NodeBusyException;
import io.zrt.node.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first checks of every {@code /v1} request, before anything is parsed (docs/security.md, "Abuse limits"):
 * <ol>
 *   <li>the body cap: a declared Content-Length over it is refused at once, unread (413);</li>
 *   <li>the client address's budget (counted in MongoDB): unauthenticated requests (challenges, status without
 *       a proof) are counted here, and an address that used up its budget gets 429 for everything; then a body
 *       without a declared length (chunked) is read, only up to the cap (413 beyond);</li>
 *   <li>for requests carrying a proof, a slot of the {@link VerificationGate} (503 or 429 when full).</li>
 * </ol>
 * After the request, a refusal (4xx other than 429) is counted against the address: failing costs the sender
 * its own budget, never the group's. Per-group limits are charged later, only once a proof verified.
 */
public final class RequestGuardFilter extends OncePerRequestFilter {

    static final String PROOF_HEADER = "ZRT-Signature";

    private final RateLimiter rateLimiter;
    private final VerificationGate gate;
    private final ClientAddresses addresses;
    private final long maxFrameSize;
    private final long maxRequestBody;
    private final JsonMapper json;
    private final Map<String, Counter> refused = new LinkedHashMap<>();

    /** Why a request was refused here (the {@code reason} tag of {@code zrt.node.guard.refused}). */
    static final List<String> REASONS = List.of("body_too_large", "address_budget", "address_in_flight", "busy",
            "storage_unavailable");

    public RequestGuardFilter(RateLimiter rateLimiter, VerificationGate gate, ClientAddresses addresses,
            long maxFrameSize, long maxRequestBody, JsonMapper json, MeterRegistry registry) {
        for (String reason : REASONS) {
            refused.put(reason, Counter.builder("zrt.node.guard.refused").tag("reason", reason)
                    .description("requests refused before they were parsed (413, 429, 503)").register(registry));
        }
        this.rateLimiter = rateLimiter;
        this.gate = gate;
        this.addresses = addresses;
        this.maxFrameSize = maxFrameSize;
        this.maxRequestBody = maxRequestBody;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            guard(request, response, chain);
        } catch (MongoException e) {
            // The counters live in MongoDB; without it nothing can be served anyway (as ProblemHandler answers).
            if (!response.isCommitted()) {
                response.resetBuffer();
                refused.get("storage_unavailable").increment();
                problem(response, 503, "storage_unavailable", "the database cannot be reached; retry the request", 1L);
            }
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = addresses.resolve(request);
        String path = request.getRequestURI();
        boolean post = "POST".equals(request.getMethod());
        boolean frames = post && path.endsWith("/frames");
        long cap = frames ? maxFrameSize : maxRequestBody;
        if (request.getContentLengthLong() > cap) {
            tooLarge(response, address, frames, cap);
            return;
        }
        boolean unauthenticated = "GET".equals(request.getMethod()) && (path.endsWith("/challenge")
                || (path.endsWith("/status") && request.getHeader(PROOF_HEADER) == null));
        boolean carriesProof = post || request.getHeader(PROOF_HEADER) != null;
        try {
            if (unauthenticated) {
                rateLimiter.acquire(RateLimiter.Scope.CLIENT_ADDRESS, address);
            } else {
                rateLimiter.checkBudget(RateLimiter.Scope.CLIENT_ADDRESS, address);
            }
        } catch (RateLimiter.RateLimitedException e) {
            refused.get("address_budget").increment();
            problem(response, 429, "rate_limited", e.getMessage(), e.retryAfterSeconds());
            return;
        }
        // A body without a declared length is read only now, within the budget, and only up to the cap.
        byte[] body = readCapped(request, cap);
        if (body == null) {
            tooLarge(response, address, frames, cap);
            return;
        }
        VerificationGate.Permit permit = null;
        try {
            if (carriesProof) {
                permit = gate.enter(address);
            }
        } catch (RateLimiter.RateLimitedException e) {
            refused.get("address_in_flight").increment();
            problem(response, 429, "rate_limited", e.getMessage(), e.retryAfterSeconds());
            return;
        } catch (NodeBusyException e) {
            refused.get("busy").increment();
            problem(response, 503, "busy", e.getMessage(), 1L);
            return;
        }
        try {
            chain.doFilter(new CachedBody(request, body), response);
        } finally {
            if (permit != null) {
                permit.close();
            }
        }
        int status = response.getStatus();
        if (!unauthenticated && status >= 400 && status < 500 && status != 429) {
            rateLimiter.charge(RateLimiter.Scope.CLIENT_ADDRESS, address);
        }
    }

    private void tooLarge(HttpServletResponse response, String address, boolean frames, long cap)
            throws IOException {
        refused.get("body_too_large").increment();
        rateLimiter.charge(RateLimiter.Scope.CLIENT_ADDRESS, address);
        problem(response, 413, frames ? "frame_too_large" : "body_too_large",
                (frames ? "frames are" : "request bodies are") + " limited to " + cap + " bytes", null);
    }

    /** The whole body if it fits the cap, else null (having read at most cap + 8 KiB bytes). */
    private static byte[] readCapped(HttpServletRequest request, long cap) throws IOException {
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, cap)));
        byte[] buffer = new byte[8192];
        InputStream in = request.getInputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > cap) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void problem(HttpServletResponse response, int status, String code, String detail, Long retryAfter)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", switch (status) {
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            default -> "Service Unavailable";
        });
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        response.setStatus(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        if (status == 413) {
            // The rest of the body is never read; the connection cannot be reused for another request.
            response.setHeader("Connection", "close");
        }
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body already read (and capped). */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // a client's made-up charset name: read as UTF-8, the parser refuses what does not decode
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
