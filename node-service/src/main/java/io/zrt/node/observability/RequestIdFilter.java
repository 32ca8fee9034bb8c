package io.zrt.node.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that ties a client's report to the Node's log lines: the caller's
 * {@code X-Request-Id} when it is a plain token (1 to 64 of {@code A-Z a-z 0-9 . _ : -}; anything else could
 * forge log lines), otherwise a fresh random one. It is in the log context as {@code requestId} while the
 * request runs (plain and JSON logs) and comes back in the response's {@code X-Request-Id}. The W3C
 * {@code traceparent} header is Micrometer Tracing's business ({@code traceId}, {@code spanId}).
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = accepted(request.getHeader(HEADER));
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id if it is a plain token, else a new one. */
    static String accepted(String offered) {
        return offered != null && PLAIN_TOKEN.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
