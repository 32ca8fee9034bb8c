package io.zrt.transistor.blobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zrt.transistor.TransistorMetrics;
import io.zrt.transistor.TransistorMetrics.Kind;
import io.zrt.transistor.TransistorProperties;
import io.zrt.transistor.web.ApiException;
import io.zrt.transistor.web.Ids;
import io.zrt.transistor.web.LimitedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Binary read-once blobs: PUT streams one in, GET streams it out exactly once. */
@RestController
@RequestMapping("/transistor/v1/public/blobs")
@Tag(name = "blobs", description = "Read-once binary blobs")
public class BlobController {

    private static final String PROBLEM = "application/problem+json";

    private final BlobStore store;
    private final TransistorProperties properties;
    private final TransistorMetrics metrics;

    public BlobController(BlobStore store, TransistorProperties properties, TransistorMetrics metrics) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Operation(summary = "Store a blob",
            description = "Streams the bytes into PostgreSQL under the client-chosen id, up to "
                    + "zrt.transistor.max-blob-size (16 MiB); readable once until it expires (zrt.transistor.ttl).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the blob's bytes (clients encrypt them)",
                    content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "stored"),
                @ApiResponse(responseCode = "400", description = "invalid_id, unreadable_body",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "already_exists", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "too_large", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "415", description = "unsupported_media_type",
                        content = @Content(mediaType = PROBLEM))})
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public void put(@PathVariable("id") String id, HttpServletRequest request) {
        UUID uuid = Ids.parse(id);
        long limit = properties.maxBlobSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw ApiException.tooLarge(limit);
        }
        try (InputStream body = new LimitedInputStream(request.getInputStream(), limit)) {
            store.put(uuid, body, properties.ttl());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("blob " + uuid);
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
        metrics.stored(Kind.BLOBS);
    }

    @Operation(summary = "Read a blob once",
            description = "Streams the bytes out and deletes the blob when they were fully written; a second read finds "
                    + "nothing. A download that breaks off leaves the blob readable.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the bytes, with Content-Length",
                        content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(responseCode = "400", description = "invalid_id", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "not_found: unknown, already read or expired",
                        content = @Content(mediaType = PROBLEM))})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public void take(@PathVariable("id") String id, HttpServletResponse response) {
        UUID uuid = Ids.parse(id);
        boolean found = store.take(uuid, size -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(size);
            return response.getOutputStream();
        });
        if (!found) {
            throw ApiException.notFound("blob " + uuid);
        }
        metrics.read(Kind.BLOBS);
    }
}
