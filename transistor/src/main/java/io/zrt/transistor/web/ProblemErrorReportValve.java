package io.zrt.transistor.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat refuses some requests before they reach Spring (an encoded slash or NUL in the path, a malformed
 * request line, headers that are too large) and renders those refusals itself. This valve replaces Tomcat's HTML
 * page with the same RFC 9457 problem document the controllers send, so every error of the API has one shape.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private final String typePrefix;

    public ProblemErrorReportValve(String typePrefix) {
        this.typePrefix = typePrefix;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = codeFor(status);
        String title = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String body = "{\"type\":\"" + typePrefix + code + "\",\"title\":\"" + jsonSafe(title) + "\",\"status\":"
                + status + ",\"detail\":\"the request was refused by the HTTP server before it reached the API\","
                + "\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already committed: nothing more can be sent.
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status < 500 ? "bad_request" : "internal_error";
        };
    }

    private static String jsonSafe(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9 .,'-]", "");
    }
}
