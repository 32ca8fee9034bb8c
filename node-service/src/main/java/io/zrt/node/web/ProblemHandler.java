package io.zrt.node.web;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.zrt.node.frames.GroupConflictException;
import io.zrt.node.frames.NodeBusyException;
import io.zrt.node.push.PushTokenService;
import io.zrt.node.ratelimit.RateLimiter;
import io.zrt.protocol.rules.FrameRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is RFC 9457 {@code application/problem+json} with a stable {@code code}. Rule rejections map by
 * kind; Spring MVC's own errors (bad parameters, wrong media type, unknown path) keep their status and get
 * a code too. Only a fault of the Node itself is a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler(FrameRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FrameRejectedException e) {
        HttpStatus status = switch (e.rejection().kind()) {
            case MALFORMED, INVALID_TREE_CHANGE -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case GONE -> HttpStatus.GONE;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = problem(status, e.rejection().code(), e.getMessage());
        if (e instanceof RateLimiter.RateLimitedException limited) {
            return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER,
                    Long.toString(limited.retryAfterSeconds())).contentType(PROBLEM).body(problem);
        }
        if (e instanceof GroupConflictException conflict) {
            problem.setProperty("currentEpoch", conflict.currentEpoch());
            problem.setProperty("lastSeq", conflict.lastSeq());
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
    }

    @ExceptionHandler(NodeBusyException.class)
    ResponseEntity<ProblemDetail> busy(NodeBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(PROBLEM).body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", e.getMessage()));
    }

    /**
     * The database did not confirm a write in time, or cannot be reached: the write may still complete, so this is
     * a 503 to retry (the same frame again: if it was stored after all, the answer is 409 {@code replayed_nonce}).
     */
    @ExceptionHandler({MongoWriteConcernException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(MongoException e) {
        log.warn("storage unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(PROBLEM).body(problem(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
                        "the database did not confirm the write; retry the request"));
    }

    @ExceptionHandler(PushTokenService.PushDisabledException.class)
    ResponseEntity<ProblemDetail> pushDisabled(PushTokenService.PushDisabledException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PROBLEM)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "push_disabled", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected server error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(PROBLEM)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error"));
    }

    /** Spring MVC's standard exceptions: keep their status, add a code derived from it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        problem.setProperty("code", codeFor(statusCode));
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(PROBLEM);
        return super.handleExceptionInternal(ex, problem, out, statusCode, request);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "frame_too_large";
            case 415 -> "unsupported_media_type";
            default -> status.is5xxServerError() ? "internal_error" : "request_error";
        };
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }
}
