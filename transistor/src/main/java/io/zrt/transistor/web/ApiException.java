package io.zrt.transistor.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the HTTP status and the stable machine-readable {@code code} that
 * clients switch on. Rendered as RFC 9457 problem details by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found",
                what + " does not exist, was already read, or has expired");
    }

    public static ApiException conflict(String what) {
        return new ApiException(HttpStatus.CONFLICT, "already_exists", what + " already exists");
    }

    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too_large",
                "the request body is larger than the limit of " + limitBytes + " bytes");
    }
}
